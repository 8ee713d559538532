import type { Button, ChatReply } from '../../core/chat/chat-service.js';
import { textWithPrivateChatLine } from '../../core/chat/private-chat.js';

/** The command that presses an answer's "Not what I asked" button in the terminal. */
export const FEEDBACK_COMMAND = '/wrong';

/**
 * A reply as the terminal shows it: the text, the citation after a blank line, then the buttons as numbered
 * lines to type (`  [1] Yes`), and "Not what I asked" as a command (`  /wrong  Not what I asked`). The
 * terminal chat and `npm run today` both print replies this way.
 */
export function terminalText(reply: ChatReply): string {
  // No private chat to link to here: the core's words for the way there, as a line.
  const lines = [textWithPrivateChatLine(reply)];
  if (reply.citation) lines.push('', reply.citation);
  const labels = numberedButtons(reply).map((b, i) => `  [${i + 1}] ${b.label}`);
  const feedback = feedbackButton(reply);
  if (feedback) labels.push(`  ${FEEDBACK_COMMAND}  ${feedback.label}`);
  if (labels.length) lines.push('', ...labels);
  return lines.join('\n');
}

/** The buttons shown as numbers to type, in order. */
export function numberedButtons(reply: ChatReply): Button[] {
  return reply.buttons.flat().filter((b) => b.kind !== 'feedback');
}

/** The reply's "Not what I asked" button, if it has one. */
export function feedbackButton(reply: ChatReply): Button | undefined {
  return reply.buttons.flat().find((b) => b.kind === 'feedback');
}
