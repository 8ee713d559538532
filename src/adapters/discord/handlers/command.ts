import type { ChatInputCommandInteraction } from 'discord.js';
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
  const def = ctx.definitions.find((d) => d.name === interaction.commandName);
  if (!def) {
    // A command registered by an older version: named as unknown, as on every platform.
    await responder.note((await ctx.chat.unknownCommand(req, interaction.commandName)).text);
    return;
  }
  // default_member_permissions only hides the command; server admins can grant it to anyone.
  if (def.adminOnly && !isServerAdmin(interaction)) {
    await responder.note(ctx.i18n.t(await ctx.chat.langOf(req), 'admin-only'));
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
    await responder.note((await ctx.chat.unknownCommand(req, def.name)).text);
    return;
  }
  await responder.send(replyToMessage(reply, ctx.i18n), reply.personal ?? false);
}
