import type { ChatInputCommandInteraction } from 'discord.js';
import type { HandlerContext } from '../chat-port.js';
import { replyToMessage } from '../embeds.js';
import { chatRequestOf, isServerAdmin } from '../request.js';
import type { Responder } from '../responder.js';

/** Commands whose answer concerns only the user: help, and browsing topics (the menu updates in place). */
const PERSONAL_COMMANDS: ReadonlySet<string> = new Set(['help', 'topics', 'stats', 'review']);

/**
 * Handles a slash command: checks admin rights, acknowledges at once (the core may take longer than
 * Discord's 3 seconds), asks the core and sends its reply.
 */
export async function handleCommand(ctx: HandlerContext, interaction: ChatInputCommandInteraction, responder: Responder): Promise<void> {
  const req = chatRequestOf(interaction);
  const lang = req.userLang ?? 'en';
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
  await responder.defer(PERSONAL_COMMANDS.has(def.name));
  const args = def.args
    .map((a) => interaction.options.get(a.name)?.value)
    .filter((v) => v !== undefined && v !== null)
    .map(String)
    .join(' ');
  const reply = await ctx.chat.command(req, def.name, args);
  if (!reply) {
    await responder.note(ctx.i18n.t(lang, 'unknown-command'));
    return;
  }
  await responder.send(replyToMessage(reply, ctx.i18n), reply.personal ?? false);
}
