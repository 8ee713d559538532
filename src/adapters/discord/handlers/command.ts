import type { ChatInputCommandInteraction } from 'discord.js';
import { languageFor } from '../../../core/chat/chat-service.js';
import { withinAcknowledgement } from '../acknowledge.js';
import type { HandlerContext } from '../chat-port.js';
import { replyToMessage } from '../embeds.js';
import { chatRequestOf, isServerAdmin } from '../request.js';
import type { Responder } from '../responder.js';

/**
 * Handles a slash command: checks admin rights, asks the core and sends its reply the way the core says
 * (personal replies only to the user). A core slower than Discord's 3 seconds allow gets a private
 * "thinking…" first, so nothing public appears before the core has said the reply is public.
 */
export async function handleCommand(ctx: HandlerContext, interaction: ChatInputCommandInteraction, responder: Responder): Promise<void> {
  const req = chatRequestOf(interaction);
  const lang = languageFor(req, 'member');
  const def = ctx.definitions.find((d) => d.name === interaction.commandName);
  if (!def) {
    await responder.note(ctx.i18n.t(lang, 'unknown-command'));
    return;
  }
  // default_member_permissions only hides the command; server admins can grant it to anyone.
  if (def.adminOnly && !isServerAdmin(interaction)) {
    await responder.note(ctx.i18n.t(lang, 'admin-only'));
    return;
  }
  if (def.adminOnly || def.checksAdmin) req.isAdmin = isServerAdmin(interaction);
  const args = def.args
    .map((a) => interaction.options.get(a.name)?.value)
    .filter((v) => v !== undefined && v !== null)
    .map(String)
    .join(' ');
  const work = Promise.resolve(ctx.chat.command(req, def.name, args));
  const reply = await withinAcknowledgement(work, ctx.acknowledgeAfterMs, () => responder.defer());
  if (!reply) {
    await responder.note(ctx.i18n.t(lang, 'unknown-command'));
    return;
  }
  await responder.send(replyToMessage(reply, ctx.i18n), reply.personal ?? false);
}
