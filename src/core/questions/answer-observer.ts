import type { ChatReply, ChatRequest } from '../chat/chat-types.js';
import type { Explanation } from '../resolver/resolver.js';

/**
 * Sees each question the chat service answered, with the resolver's explanation (the question log). It returns
 * the reply to send (possibly with a button added) and must never throw nor wait for anything.
 */
export interface AnswerObserver {
  afterAnswer(req: ChatRequest, question: string, explanation: Explanation, reply: ChatReply): ChatReply;
}
