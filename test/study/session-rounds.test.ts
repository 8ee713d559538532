/** Unit: the state machine of a session (session-rounds.ts), with fakes for the store, the board and the review queue. */
import { describe, expect, it } from 'vitest';
import { SessionRounds } from '../../src/core/study/session-rounds.js';
import type { StudyAnswer, StudySession } from '../../src/core/study/study-store.js';
import { fakeContext, sessionOf } from './fakes.js';
import { FakeTime, member } from './support.js';

function setup(extra: Partial<Omit<StudySession, 'id'>> = {}) {
  const time = new FakeTime();
  const ctx = fakeContext(time);
  const queued: StudyAnswer[] = [];
  const ends: { answers: number; asked: number }[] = [];
  const rounds = new SessionRounds(
    ctx,
    { sessionEnd: (_s, answers, asked) => (ends.push({ answers: answers.length, asked }), { text: `END ${asked}` }) },
    { queueMiss: (a) => (queued.push(a), Promise.resolve()) },
    'q:',
  );
  const create = async () => (await ctx.repo.createSession(sessionOf(3, time.now().getTime(), extra)))!;
  return { time, ctx, rounds, queued, ends, create };
}

const alice = member('1', 'Alice');
const bob = member('2', 'Bob');

describe('the rounds of a session', () => {
  it('records a member\'s first press only, and refuses a press that is late, foreign or not a choice', async () => {
    const { time, rounds, create } = setup();
    const id = await create();
    expect(await rounds.answer(alice, id, 0, 1)).toMatchObject({ kind: 'recorded', question: { text: 'Question 1?' } });
    expect(await rounds.answer(alice, id, 0, 2)).toEqual({ kind: 'repeat' });
    expect(await rounds.answer({ ...bob, chatId: '-555' }, id, 0, 1)).toEqual({ kind: 'closed' });
    expect(await rounds.answer(bob, id, 0, 4)).toEqual({ kind: 'closed' });
    expect(await rounds.answer(bob, id, 1, 0)).toEqual({ kind: 'closed' });
    await time.advance(30_000);
    expect(await rounds.answer(bob, id, 0, 1)).toEqual({ kind: 'closed' });
  });

  it('closes a round once: the reveal with the count, the next question with its buttons; misses queued', async () => {
    const { rounds, queued, create } = setup();
    const id = await create();
    await rounds.answer(alice, id, 0, 1);
    await rounds.answer(bob, id, 0, 0);
    const step = (await rounds.close(id, 0, false, '⏱ Time is up.'))!;
    expect(step.ended).toBe(false);
    expect(step.session.current).toBe(1);
    expect(step.reply.text).toMatch(/^⏱ Time is up\.\n\n✅ Answer: B\n/);
    expect(step.reply.text).toContain('Right: 1 of 2.');
    expect(step.reply.text).toMatch(/❓ Question 2\/3\nQuestion 2\?$/);
    expect(step.reply.buttons.flat().map((b) => b.data)).toEqual([0, 1, 2, 3].map((i) => `q:a:${id}:1:${i}`));
    expect(queued.map((a) => a.userId)).toEqual(['2']);
    // A late timer or a second /next on the same round: nothing.
    expect(await rounds.close(id, 0, false)).toBeUndefined();
  });

  it('ends at the last question, or at /stop, with the board out of the questions asked', async () => {
    const { rounds, ends, ctx, create } = setup();
    const id = await create();
    await rounds.answer(alice, id, 0, 1);
    await rounds.close(id, 0, false);
    const stop = (await rounds.close(id, 1, true))!;
    expect(stop.ended).toBe(true);
    expect(stop.reply.text).toMatch(/\n\nEND 2$/);
    expect(ends).toEqual([{ answers: 1, asked: 2 }]);
    expect((await ctx.repo.session(id))!.status).toBe('ended');
  });

  it('tells one player right or wrong instead of a count, and queues their misses too', async () => {
    const { rounds, queued, create } = setup({ chatKind: 'private', address: { platform: 'terminal', chatId: 'terminal' } });
    const id = await create();
    const me = member('t', 'you', { platform: 'terminal', chatId: 'terminal', chatKind: 'private' });
    await rounds.answer(me, id, 0, 3);
    const step = (await rounds.close(id, 0, false))!;
    expect(step.reply.text).toMatch(/^❌ Not this time\.\n✅ Answer: B/);
    expect(step.reply.text).not.toMatch(/Right: \d/);
    expect(queued.map((a) => a.userId)).toEqual(['t']);
    // Time ran out: neither a verdict nor "0 of 0".
    expect((await rounds.close(id, 1, false))!.reply.text).toMatch(/^✅ Answer: B/);
  });
});
