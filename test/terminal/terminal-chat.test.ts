/**
 * The terminal chat driven through its input and output streams, as a person types: numbers under a list of
 * buttons, a quiz question answered by number (never asked as a question), and a question closing on its
 * timer followed by a new prompt. Time is fake: the quiz timer fires when the test moves it.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalChat } from '../../src/adapters/terminal/terminal-chat.js';
import { createCoreServices, type CoreServices } from '../../src/app/core-services.js';
import { silentLogger } from '../../src/core/ports.js';
import { sharedFacts } from '../support/shared-facts.js';
import { FakeTime, studyCore } from '../study/support.js';

/** A running terminal chat: `type` sends a line, `next` waits for the bot's output up to the next prompt. */
function terminalSession(core: CoreServices) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  let read = 0;
  const waiters: (() => void)[] = [];
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const w of waiters.splice(0)) w();
  });
  const terminal = new TerminalChat(core.chat, input, output, core.i18n);
  core.messengers.register('terminal', terminal.messenger());
  const done = terminal.run('Welcome line.');
  /** Everything printed since the last call, up to and including the next prompt. */
  const next = async (): Promise<string> => {
    for (;;) {
      const at = text.indexOf('\n> ', read);
      if (at >= 0) {
        const chunk = text.slice(read, at);
        read = at + 3;
        return chunk;
      }
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  const type = async (line: string): Promise<string> => {
    input.write(`${line}\n`);
    return next();
  };
  const stop = async () => {
    input.end();
    await done;
  };
  return { type, next, stop, all: () => text };
}

let stopSession: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stopSession?.();
  stopSession = undefined;
});

function started() {
  const harness = studyCore({ questionSeconds: 30 });
  const session = terminalSession(harness.core);
  stopSession = session.stop;
  return { ...harness, ...session };
}

/** The numbered choices under a reply (`  [2] …`). */
function choices(reply: string): string[] {
  return [...reply.matchAll(/^ {2}\[\d+\] (.+)$/gm)].map((m) => m[1] ?? '');
}

describe('the terminal chat', () => {
  it('starts with the welcome questions as numbers; a number in range presses one, out of range gives the range', async () => {
    const { type, next } = started();
    const start = await next();
    expect(start).toContain('Welcome line.');
    expect(start).toContain('/help');
    expect(choices(start)).toHaveLength(4);
    const out = await type('11');
    expect(out).toBe('Choose a number from 1 to 4.\n');
    expect(out).not.toMatch(/February|unsure|not sure/i);
    // The list is still there: 1 answers the first question.
    expect(await type('1')).toMatch(/June 5, 2022/);
    // A year is a question, not a button.
    expect(await type('2022')).not.toMatch(/Choose a number/);
  });

  it('names an unknown command and points to /help', async () => {
    const { type, next } = started();
    await next();
    expect(await type('/foo')).toBe("I don't know the command /foo. Type /help to see the commands I do know.\n");
  });

  it('takes every number typed under an open quiz question as an answer attempt, and keeps the question open', async () => {
    const { type, next, core } = started();
    await next();
    const question = await type('/study 3');
    expect(question).toContain('Question 1/3');
    const n = choices(question).length;
    expect(n).toBeGreaterThanOrEqual(2);
    for (const typed of ['7', '0', '2024']) expect(await type(typed)).toBe(`Choose a number from 1 to ${n}.\n`);
    // Nothing was asked as a question, and the quiz's choices are still the numbers: 1 answers it.
    const session = await core.store?.study.activeSession({ platform: 'terminal', chatId: 'terminal' });
    expect(session?.current).toBe(0);
    const after = await type('1');
    expect(after).toMatch(/Answer:/);
    expect(after).toContain('Question 2/3');
  });

  it('prints "Time is up" with the reveal when a question times out, then the prompt again', async () => {
    const { type, next, time, settle, all } = started();
    await next();
    const question = await type('/study 3');
    expect(question).toContain('Question 1/3');
    await time.advance(30_000, settle);
    const timedOut = await next();
    expect(timedOut).toMatch(/⏱ Time is up\.\n\n✅ Answer: /);
    expect(timedOut).toContain('Question 2/3');
    expect(all().endsWith('\n> ')).toBe(true);
    // The new question's choices are the numbers now.
    const n = choices(timedOut).length;
    expect(await type(String(n + 1))).toBe(`Choose a number from 1 to ${n}.\n`);
  });
});

describe('the rate limit in the terminal chat', () => {
  it('counts questions, not greetings, thanks, emoji or empty lines, and gives the notice once per window', async () => {
    const time = new FakeTime();
    const core = createCoreServices({ ...sharedFacts(), clock: time, logger: silentLogger, rateLimit: { limit: 2, windowMs: 60_000 } });
    const { type, next, stop } = terminalSession(core);
    stopSession = stop;
    await next();
    for (const line of ['hi', 'thanks', '👍', '', 'Привет!', 'рахмет']) expect(await type(line)).not.toMatch(/asking very fast/);
    const question = 'When was the constitutional referendum held in Kazakhstan?';
    expect(await type(question)).toMatch(/June 5, 2022/);
    expect(await type(question)).toMatch(/June 5, 2022/);
    expect(await type(question)).toMatch(/^You are asking very fast\. Please wait \d+ s and ask again\.\n$/);
    // Later messages in the window get no second notice.
    expect(await type(question)).toBe('\n');
    expect(await type('/topics')).toBe('\n');
    await time.advance(61_000);
    expect(await type(question)).toMatch(/June 5, 2022/);
  });
});
