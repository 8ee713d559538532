/** Unit: /study, /next, /stop and the choices' buttons (session-commands.ts), over the fakes and fake time. */
import { describe, expect, it } from 'vitest';
import { Leaderboards } from '../../src/core/study/leaderboards.js';
import { seededRandom } from '../../src/core/study/random.js';
import { ReviewQueue } from '../../src/core/study/review.js';
import { RoundTimers } from '../../src/core/study/round-timers.js';
import { SessionCommands } from '../../src/core/study/session-commands.js';
import { QuizBank } from '../../src/core/study/session-composer.js';
import { SessionRounds } from '../../src/core/study/session-rounds.js';
import { FlakyMessenger, fakeContext } from './fakes.js';
import { FakeTime, base, member, testBank } from './support.js';

function setup() {
  const time = new FakeTime();
  const ctx = fakeContext(time);
  const bank = new QuizBank(testBank, (id) => base.fact(id)?.event);
  const rounds = new SessionRounds(ctx, new Leaderboards(ctx), new ReviewQueue(ctx, bank, 'q:'), 'q:');
  const messenger = new FlakyMessenger();
  const timers = new RoundTimers(ctx, rounds, { timers: time, messengers: messenger, owner: 'me', timerLeaseMs: 15_000 });
  return { time, ctx, commands: new SessionCommands(ctx, bank, rounds, timers, seededRandom(1)), messenger };
}

const alice = member('1', 'Alice');
const bob = member('2', 'Bob');
const data = (choice: number, round = 0, session = 1) => ['a', String(session), String(round), String(choice)];

describe('session commands', () => {
  it('start a session with its first question and a running deadline; refuse a second one, for the member alone', async () => {
    const { time, ctx, commands } = setup();
    const start = await commands.start(alice, '3');
    expect(start.text).toMatch(/^📚 Quiz: 3 questions, 30 s each\./);
    expect(start.text).toContain('❓ Question 1/3');
    expect(start.buttons.flat().length).toBe(4);
    expect(time.pending).toBe(1);
    const session = (await ctx.repo.activeSession({ platform: 'telegram', chatId: '-100' }))!;
    expect([session.lang, session.chatKind, session.starterId, session.questions.length]).toEqual(['en', 'group', '1', 3]);
    const again = await commands.start(member('3', 'Carol', { userLang: 'ru' }), '');
    expect(again).toMatchObject({ lang: 'ru', personal: true, text: 'В этом чате уже идёт викторина (вопрос 1 из 3). /stop завершит её.' });
  });

  it('tell the member what they get when the number is out of range, and refuse an unknown topic', async () => {
    const { commands } = setup();
    expect((await commands.start(alice, '99')).text).toMatch(/^ℹ A quiz has at most 30 questions: starting with 30\./);
    const unknown = await commands.start(member('4', 'Dana', { chatId: '-2' }), 'astrology');
    expect(unknown.personal).toBe(true);
    expect(unknown.text).toMatch(/^I don't know the topic “astrology”\. Topics: /);
  });

  it('let only the starter, an admin or a lone player close a round; /stop ends with the board', async () => {
    const { commands } = setup();
    await commands.start(alice, '3');
    expect((await commands.closeRound(bob, '', false)).text).toBe('Only the member who started the quiz or an admin can do that.');
    expect((await commands.closeRound({ ...bob, isAdmin: true }, '', false)).text).toContain('Question 2/3');
    const stop = await commands.closeRound(alice, '', true);
    expect(stop.text).toMatch(/^⏹ The quiz was stopped\.\n\n✅ Answer: /);
    expect(stop.text).toContain('🏁 Leaderboard:\nNobody answered.');
    expect((await commands.closeRound(alice, '', true)).text).toBe('There is no quiz running here. Start one with /study.');
  });

  it('confirm a press to the presser alone, refuse a second one; one player\'s press closes the round at once', async () => {
    const { commands } = setup();
    await commands.start(alice, '2');
    const recorded = (await commands.action(bob, data(0)))!;
    expect([recorded.toast, recorded.personal]).toEqual([true, true]);
    expect(recorded.text).toMatch(/^Your answer “.+” is in\./);
    expect((await commands.action(bob, data(1)))!.text).toBe('You have already answered this question: your first press counts.');
    expect((await commands.action(bob, data(0, 1)))!.text).toBe('This question is closed.');
    expect(await commands.action(bob, ['a', 'x', '0', '0'])).toBeUndefined();
    expect(await commands.action(bob, ['r', '1', '0', '0', '0'])).toBeUndefined();

    const dm = member('5', 'Erlan', { chatId: '5', chatKind: 'private' });
    await commands.start(dm, '2');
    const reveal = (await commands.action(dm, data(0, 0, 2)))!;
    expect(reveal.toast).toBeUndefined();
    expect(reveal.text).toMatch(/^(🎉 Right!|❌ Not this time\.)\n✅ Answer: /);
    expect(reveal.text).toContain('Question 2/2');
  });
});
