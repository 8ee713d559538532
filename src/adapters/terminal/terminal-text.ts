import type { ChatReply } from '../../core/chat/chat-service.js';

/**
 * A reply as the terminal shows it: the text, the citation after a blank line, then the buttons as numbered
 * lines to type (`  [1] Yes`). The terminal chat and `npm run today` both print replies this way.
 */
export function terminalText(reply: ChatReply): string {
  const lines = [reply.text];
  if (reply.citation) lines.push('', reply.citation);
  const labels = reply.buttons.flat().map((b, i) => `  [${i + 1}] ${b.label}`);
  if (labels.length) lines.push('', ...labels);
  return lines.join('\n');
}
