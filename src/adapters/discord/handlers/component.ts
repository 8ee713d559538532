import type { MessageComponentInteraction } from 'discord.js';
import { ACTION } from '../../../core/chat/chat-service.js';
import { isFeedbackAction } from '../../../core/questions/question-recorder.js';
import { STUDY_PREFIX } from '../../../core/study/study-service.js';
import { parseQuestionButton } from '../../../core/subscriptions/question-presses.js';
import type { HandlerContext } from '../chat-port.js';
import { replyToMessage } from '../embeds.js';
import { chatRequestOf } from '../request.js';
import type { Responder } from '../responder.js';

/**
 * Handles a button press or a select-menu choice: the custom id (or the chosen option) is the core's
 * button data. Picking a topic replaces the menu with its questions; a question posts its answer as a new
 * message, as asking with /ask would.
 */
export async function handleComponent(ctx: HandlerContext, interaction: MessageComponentInteraction, responder: Responder): Promise<void> {
  const data = interaction.isStringSelectMenu() ? (interaction.values[0] ?? '') : interaction.customId;
  const req = chatRequestOf(interaction);
  // Topics update their menu in place; a quiz answer (a study question's or the question of the day's) is
  // confirmed privately (a toast) or, alone in a DM, replaces the question with its reveal and the next one;
  // nothing public is posted for it. Nor for "Not what I asked": its thanks is only for the presser.
  if (data.startsWith(ACTION.topic) || data.startsWith(STUDY_PREFIX) || isQuestionOfTheDayButton(data) || isFeedbackAction(data)) await responder.deferUpdate(interaction);
  else await responder.defer(false);
  const reply = await ctx.chat.action(req, data);
  if (!reply) {
    // Data we no longer know: a button from an older version of the fact base.
    await responder.note(ctx.i18n.t(req.userLang ?? 'en', 'button-expired'));
    return;
  }
  if (reply.toast) {
    await responder.note(reply.text);
    return;
  }
  await responder.send(replyToMessage(reply, ctx.i18n), reply.personal ?? false);
}

/** A press on the question of the day (its choices, "Show the answer"): answered only to the presser. */
function isQuestionOfTheDayButton(data: string): boolean {
  return parseQuestionButton(data) !== undefined;
}
