/** `/start`, `/help`, `/ask`, `/topics`: commands go to the core, which owns what they do. */
import { Composer, type Context } from 'grammy';
import { findCommand } from '../../../core/commands/definitions.js';
import { parseCommand } from '../addressing.js';
import { isTelegramAdmin, needsAdminCheck } from '../admin.js';
import type { BotDeps } from '../bot-deps.js';
import { chatRequest } from '../chat-request.js';
import { sendReply } from '../send-reply.js';

/**
 * Handles text messages that start with a command. Known commands run through `ChatService.command()`;
 * `/start`'s deep-link payload reaches it as arguments and is ignored there. An unknown command gets
 * the core's unknown-command reply (naming it, pointing to /help) in a private chat; in groups it is ignored,
 * since it may belong to another bot.
 * Messages that are not commands pass on to the next handler.
 */
export function commandHandlers(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message:text').filter(
    (ctx) => parseCommand(ctx.msg.text, ctx.me.username) !== undefined,
    async (ctx) => {
      const command = parseCommand(ctx.msg.text, ctx.me.username);
      const req = chatRequest(ctx);
      if (!command?.forMe || !req) return;
      const target = { chatId: ctx.chat.id, replyTo: req.chatKind === 'group' ? ctx.msg.message_id : undefined };
      // Admin-only commands (and those whose rules depend on it) learn whether the sender administers the chat.
      if (needsAdminCheck(findCommand(command.name))) {
        const admin = await isTelegramAdmin(ctx, deps);
        if (admin === undefined) {
          // Not knowing is not "not an administrator": say the check failed, and run nothing.
          const lang = await deps.core.chat.langOf(req);
          await sendReply(ctx.api, deps, target, { lang, text: deps.core.i18n.t(lang, 'admin-check-failed'), buttons: [], personal: true });
          return;
        }
        req.isAdmin = admin;
      }
      const reply = await deps.core.chat.command(req, command.name, command.args);
      // Over the rate limit, the notice is sent once per window: a repeat is dropped, not posted.
      if (reply?.repeatNotice) return;
      if (reply) {
        await sendReply(ctx.api, deps, target, reply);
        return;
      }
      if (req.chatKind !== 'private') return;
      await sendReply(ctx.api, deps, target, await deps.core.chat.unknownCommand(req, command.name));
    },
  );
  return composer;
}
