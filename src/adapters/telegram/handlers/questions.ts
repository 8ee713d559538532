/** Questions in plain words: every text in a private chat, and in groups the messages addressed to the bot. */
import { Composer, type Context } from 'grammy';
import { groupQuestion, stripMentions } from '../addressing.js';
import type { BotDeps } from '../bot-deps.js';
import { chatRequest } from '../chat-request.js';
import { sendReply } from '../send-reply.js';

/**
 * Answers text messages through `ChatService.question()`. In groups only a mention of the bot or a reply to
 * one of its messages counts (other chatter is ignored), and the answer replies to the question. The
 * per-user rate limit lives in the core; its short notice is sent once per window (in groups too, so the
 * asker knows why), and later messages in that window get no reply at all.
 */
export function questionHandlers(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message:text', async (ctx) => {
    const req = chatRequest(ctx);
    if (!req) return;
    const { text, entities } = ctx.msg;
    const question = req.chatKind === 'private' ? stripMentions(text, entities, ctx.me) : groupQuestion(ctx.msg, ctx.me);
    if (question === undefined) return;
    // The text stays out of logs: questions are the users' words. Update and chat ids come with the logger.
    deps.logger.debug({ length: question.length }, 'telegram question');
    const reply = deps.core.chat.question(req, question);
    if (reply.repeatNotice) return;
    await sendReply(ctx.api, deps, { chatId: ctx.chat.id, replyTo: req.chatKind === 'group' ? ctx.msg.message_id : undefined }, reply);
  });
  return composer;
}
