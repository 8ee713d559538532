/** Unit: the review queue and /review (review.ts), over an in-memory repository and fake time. */
import { describe, expect, it } from 'vitest';
import { ReviewQueue } from '../../src/core/study/review.js';
import { QuizBank } from '../../src/core/study/session-composer.js';
import type { StudyAnswer } from '../../src/core/study/study-store.js';
import { KeptLogger, fakeContext } from './fakes.js';
import { FakeTime, base, member, testBank } from './support.js';

const MINUTE = 60_000;
const fact = testBank[0]!.fact;
const dm = member('2', 'Bob', { chatId: '2', chatKind: 'private' });
const miss = (at: number): StudyAnswer => ({
  sessionId: 1, round: 0, address: { platform: 'telegram', chatId: '-100' }, userId: '2', userName: 'Bob', choice: 0, correct: false, factId: fact, kind: testBank[0]!.kind, topics: [], answeredAt: at,
});

function setup() {
  const time = new FakeTime();
  const logger = new KeptLogger();
  const ctx = fakeContext(time, { logger });
  const queue = new ReviewQueue(ctx, new QuizBank(testBank, (id) => base.fact(id)?.event), 'q:');
  return { time, ctx, queue, logger };
}

describe('the review queue', () => {
  it('queues a miss, asks it in private when due, and moves it out after a right answer', async () => {
    const { time, ctx, queue } = setup();
    expect((await queue.command(dm, '')).text).toBe('Your review queue is empty: the quiz questions you miss come back here.');
    await queue.queueMiss(miss(time.now().getTime()), time.now().getTime());
    expect((await queue.command(dm, '')).text).toMatch(/^Nothing to review right now\. Next review in \d+ min\.$/);
    await time.advance(10 * MINUTE);
    const asked = await queue.command(dm, '');
    expect(asked.text).toMatch(/^🔁 Review \(1 due\)\n/);
    expect(asked.personal).toBe(true);
    const card = [...ctx.repo.cards.values()][0]!;
    const q = queue.question(card, 'en')!;
    const right = asked.buttons.flat()[q.correct]!.data;
    expect(right).toBe(`q:r:${card.id}:${card.reps}:0:${q.correct}`);
    const verdict = (await queue.action(dm, right.slice(2).split(':')))!;
    expect(verdict.text).toMatch(/^🎉 Right!\n✅ Answer: /);
    // Still learning it: the next step is ten minutes out (ts-fsrs's learning steps, no fuzz).
    expect(verdict.text).toMatch(/That's all for now\. Next review in 10 min\.$/);
    // The same button again: the card has moved on.
    expect((await queue.action(dm, right.slice(2).split(':')))!).toMatchObject({ toast: true, text: 'This review question was already answered.' });
  });

  it('points a member in a group to the private chat, as an intent the platform maps', async () => {
    const { queue } = setup();
    const reply = await queue.command(member('2', 'Bob', { userLang: 'kk' }), '');
    expect(reply).toEqual({
      lang: 'kk',
      text: '🔁 Қайталау әркімнің өзіне ғана арналған, сондықтан ол менімен жеке чатта өтеді.',
      buttons: [],
      personal: true,
      privateChat: { payload: 'review', label: 'Қайталауды ашу', otherwise: 'Маған жеке хабарламада /review деп жазыңыз.' },
    });
    expect(await queue.startPayload(member('2', 'Bob'), 'review')).toBeUndefined();
    expect((await queue.startPayload(dm, 'review'))!.text).toMatch(/review queue is empty/);
    expect(await queue.startPayload(dm, 'other')).toBeUndefined();
  });

  it('starts a card over, with a warning, when its stored schedule does not parse', async () => {
    const { time, ctx, queue, logger } = setup();
    await queue.queueMiss(miss(time.now().getTime()), time.now().getTime());
    const card = [...ctx.repo.cards.values()][0]!;
    ctx.repo.cards.set(card.id, { ...card, card: '{"due":"broken"' });
    await queue.queueMiss(miss(time.now().getTime()), time.now().getTime());
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual(['review card does not parse: it starts over']);
    expect(ctx.repo.cards.get(card.id)!.reps).toBe(1);
  });
});
