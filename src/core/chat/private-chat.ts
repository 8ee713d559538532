import type { ChatReply } from './chat-types.js';

/**
 * The reply's text for a platform with no link into a private chat: the text, then the core's words for the
 * way there (`privateChat.otherwise`) after a blank line. Adapters that can link use the button instead.
 */
export function textWithPrivateChatLine(reply: Pick<ChatReply, 'text' | 'privateChat'>): string {
  return reply.privateChat?.otherwise ? `${reply.text}\n\n${reply.privateChat.otherwise}` : reply.text;
}
