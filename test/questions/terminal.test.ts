/** "Not what I asked" in the terminal chat: the /wrong command. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TerminalChat } from '../../src/adapters/terminal/terminal-chat.js';
import { loggingCore, QUESTIONS } from './support.js';

describe('"Not what I asked" in the terminal', () => {
  it('shows /wrong under an answer (not as a number), and /wrong thanks and logs the question', async () => {
    const { core, store } = loggingCore();
    const terminal = new TerminalChat(core.chat, new PassThrough(), new PassThrough());
    const answer = await terminal.handleLine(QUESTIONS.answered);
    expect(answer).toMatch(/June 5, 2022/);
    expect(answer).toMatch(/\n {2}\/wrong {2}Not what I asked$/);
    expect(answer).not.toMatch(/\[\d+\] Not what I asked/);
    // The numbered buttons still press the related questions.
    expect(await terminal.handleLine('1')).toContain('Source:');
    const again = await terminal.handleLine(QUESTIONS.answered);
    expect(again).toContain('/wrong');
    expect(await terminal.handleLine('/wrong')).toBe('Thank you! The question is noted, so that the answers can be improved.');
    await core.questionLog?.flush();
    expect(await store.questionLog.list({ since: 0 })).toMatchObject([{ text: QUESTIONS.answered, status: 'wrong', platform: 'terminal', chatKind: 'private' }]);
  });
});
