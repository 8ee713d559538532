import type { MessageComponentInteraction } from 'discord.js';
import { withinAcknowledgement } from '../acknowledge.js';
import type { HandlerContext } from '../chat-port.js';
import { replyToMessage } from '../embeds.js';
import { chatRequestOf } from '../request.js';
import type { Responder } from '../responder.js';

/**
 * Handles a button press or a select-menu choice: the custom id (or the chosen option) is the core's
 * button data, and the core's reply says where its answer goes: a toast only for the presser, in place of
 * the pressed message (a topic turning into its questions, a quiz question into its reveal), or a message
 * of its own (a question's answer, as /ask would post it). A slow core gets a deferral that changes nothing.
 */
export async function handleComponent(ctx: HandlerContext, interaction: MessageComponentInteraction, responder: Responder): Promise<void> {
  const data = interaction.isStringSelectMenu() ? (interaction.values[0] ?? '') : interaction.customId;
  const req = chatRequestOf(interaction);
  const work = Promise.resolve(ctx.chat.action(req, data));
  const reply = await withinAcknowledgement(work, ctx.acknowledgeAfterMs, () => responder.deferUpdate(interaction));
  if (!reply) {
    // Data we no longer know: a button from an older version of the fact base.
    await responder.note(ctx.i18n.t(await ctx.chat.langOf(req), 'button-expired'));
    return;
  }
  if (reply.toast) {
    await responder.note(reply.text);
    return;
  }
  const message = replyToMessage(reply, ctx.i18n);
  if (reply.updateInPlace) await responder.update(interaction, message);
  else await responder.send(message, reply.personal ?? false);
}
