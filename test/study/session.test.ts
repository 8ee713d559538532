import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TerminalChat } from '../../src/adapters/terminal/terminal-chat.js';
import { ranked, weekStart } from '../../src/core/study/study-service.js';
import { FakeTime, buttonData, member, openQuestion, press, restart, studyCore, tempDatabases } from './support.js';

const GROUP = { platform: 'telegram' as const, chatId: '-100' };

const alice = member('1', 'Alice');
const bob = member('2', 'Bob');
const carol = member('3', 'Carol');

describe('a group study session', () => {
  it('runs from /study to the leaderboard: first press counts, private toasts, timed reveals, ties share a rank', async () => {
    const h = studyCore();
    const start = (await h.core.chat.command(alice, 'study', '3'))!;
    expect(start.text).toContain('3 questions');
    expect(start.text).toContain('Question 1/3');
    expect(start.buttons.flat().length).toBeGreaterThanOrEqual(2);
    for (const b of start.buttons.flat()) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);

    // Round 1: Alice right, Bob wrong, Carol right; Alice's second press is not counted.
    const t1 = (await press(h, alice, start, true))!;
    expect(t1.toast).toBe(true);
    expect(t1.text).toMatch(/^Your answer “.+” is in/);
    expect((await press(h, alice, start, false))!.text).toMatch(/already answered/);
    await press(h, bob, start, false);
    await press(h, carol, start, true);
    expect(h.messenger.sent).toHaveLength(0);

    await h.time.advance(29_999, h.settle);
    expect(h.messenger.sent).toHaveLength(0);
    await h.time.advance(1, h.settle);
    expect(h.messenger.sent).toHaveLength(1);
    const reveal1 = h.messenger.sent[0]!.reply;
    expect(reveal1.text).toContain('Time is up');
    expect(reveal1.text).toContain('Right: 2 of 3.');
    expect(reveal1.text).toMatch(/Source: “Birth of New Kazakhstan/);
    expect(reveal1.text).toContain('Question 2/3');

    // A press on the old question after its reveal counts for nothing.
    expect((await press(h, bob, start, true))!.text).toBe('This question is closed.');

    // Round 2: only Bob, right. Round 3: closed early with /next by the starter; Bob is not allowed to.
    await press(h, bob, reveal1, true);
    await h.time.advance(30_000, h.settle);
    const reveal2 = h.messenger.sent[1]!.reply;
    expect(reveal2.text).toContain('Right: 1 of 1.');
    await press(h, carol, reveal2, false);
    expect((await h.core.chat.command(bob, 'next', ''))!.text).toMatch(/Only the member who started/);
    const end = (await h.core.chat.command(alice, 'next', ''))!;
    expect(end.text).toContain('Leaderboard');
    // Alice 1 right, Bob 1, Carol 1: all tied; everyone who answered is listed, out of the 3 questions asked.
    expect(end.text).toMatch(/1\. \w+ — 1 of 3\n1\. \w+ — 1 of 3\n1\. \w+ — 1 of 3/);
    // Bob and Carol missed one each: the way into the private chat, where the misses come back, is offered.
    expect(end.privateChat).toEqual({ payload: 'review', label: '🔁 Review my misses', otherwise: 'To review your misses, send me /review in a private message.' });
    expect(end.text).not.toContain('t.me');
    expect(await h.store.study.activeSession(GROUP)).toBeUndefined();
    // The timer of the last round was cancelled: nothing more is posted.
    await h.time.advance(60_000, h.settle);
    expect(h.messenger.sent).toHaveLength(2);
    expect(h.time.pending).toBe(0);
  });

  it('posts the leaderboard its timer closes with the way to the private chat, as the reply a command gets', async () => {
    const h = studyCore();
    const start = (await h.core.chat.command(alice, 'study', '1'))!;
    await press(h, bob, start, false);
    await h.time.advance(30_000, h.settle);
    const posted = h.messenger.sent[0]!;
    expect(posted.to).toEqual(GROUP);
    expect(posted.reply.text).toContain('🏁 Leaderboard:\n1. Bob — 0 of 1');
    expect(posted.reply.privateChat).toEqual({ payload: 'review', label: '🔁 Review my misses', otherwise: 'To review your misses, send me /review in a private message.' });
  });

  it('allows one session per chat, and /next and /stop from an admin', async () => {
    const h = studyCore();
    await h.core.chat.command(alice, 'study', '5 referendum');
    expect((await h.core.chat.command(bob, 'study', ''))!.text).toMatch(/already running/);
    expect((await h.core.chat.command(bob, 'next', ''))!.personal).toBe(true);
    const next = (await h.core.chat.command({ ...bob, isAdmin: true }, 'next', ''))!;
    expect(next.text).toContain('Question 2/5');
    const stop = (await h.core.chat.command({ ...carol, isAdmin: true }, 'stop', ''))!;
    expect(stop.text).toMatch(/stopped/);
    expect(stop.text).toContain('Nobody answered.');
    expect((await h.core.chat.command(alice, 'stop', ''))!.text).toMatch(/no quiz running/);
  });

  it('counts a zero score, and ranks ties with gaps after them', async () => {
    const h = studyCore();
    const start = (await h.core.chat.command(alice, 'study', '1'))!;
    await press(h, alice, start, true);
    await press(h, bob, start, false);
    const end = (await h.core.chat.command(alice, 'stop', ''))!;
    expect(end.text).toContain('1. Alice — 1 of 1');
    expect(end.text).toContain('2. Bob — 0 of 1');
    expect(ranked([
      { userId: 'a', userName: 'A', correct: 3, answered: 3 },
      { userId: 'b', userName: 'B', correct: 3, answered: 4 },
      { userId: 'c', userName: 'C', correct: 1, answered: 4 },
    ]).map((l) => l.rank)).toEqual([1, 1, 3]);
  });

  it('parses the topic in any language, and refuses an unknown one', async () => {
    const h = studyCore();
    const ru = (await h.core.chat.command(member('9', 'Dana', { userLang: 'ru', chatId: '-7' }), 'study', 'Референдум 2022 года 3'))!;
    expect(ru.text).toContain('Референдум 2022 года');
    const bad = (await h.core.chat.command(member('9', 'Dana', { chatId: '-8' }), 'study', 'astrology'))!;
    expect(bad.text).toMatch(/don't know the topic “astrology”/);
    expect(bad.personal).toBe(true);
    const many = (await h.core.chat.command(member('9', 'Dana', { chatId: '-9' }), 'study', '99'))!;
    expect(many.text).toContain('30 questions');
  });

  it('takes simultaneous presses once each, and a forged or foreign press not at all', async () => {
    const h = studyCore();
    const start = (await h.core.chat.command(alice, 'study', '2'))!;
    const data = buttonData(start, 0);
    // Three presses at once: the first counts, the others are told they answered already.
    const replies = await Promise.all([h.core.chat.action(bob, data), h.core.chat.action(bob, data), h.core.chat.action(bob, buttonData(start, 1))]);
    expect(replies.map((r) => r!.text.startsWith('Your answer'))).toEqual([true, false, false]);
    const { session } = await openQuestion(h.store, GROUP);
    expect(await h.store.study.answers(session.id)).toHaveLength(1);
    // The same button pressed from another chat, or a choice that does not exist.
    expect((await h.core.chat.action({ ...carol, chatId: '-555' }, data))!.text).toBe('This question is closed.');
    expect((await h.core.chat.action(carol, `q:a:${session.id}:0:9`))!.text).toBe('This question is closed.');
    expect(await h.store.study.answers(session.id)).toHaveLength(1);
  });

  it('keeps /top for the chat, this week and all time, and /stats per member', async () => {
    const h = studyCore();
    let q = (await h.core.chat.command(alice, 'study', '2'))!;
    await press(h, alice, q, false);
    await press(h, bob, q, true);
    q = (await h.core.chat.command(alice, 'next', ''))!;
    await press(h, alice, q, true);
    await h.core.chat.command(alice, 'next', '');
    // Eight days later, another session: only it counts for this week.
    await h.time.advance(8 * 24 * 3600_000, h.settle);
    q = (await h.core.chat.command(alice, 'study', '1'))!;
    await press(h, carol, q, true);
    await h.core.chat.command(alice, 'stop', '');
    const top = (await h.core.chat.command(bob, 'top', ''))!.text;
    const [week, all] = top.split('All time:');
    expect(week).toContain('1. Carol — 1 of 1');
    expect(week).not.toContain('Alice');
    expect(all).toContain('Alice — 1 of 2');
    expect(all).toContain('Bob — 1 of 1');
    const stats = (await h.core.chat.command(alice, 'stats', ''))!;
    expect(stats.personal).toBe(true);
    expect(stats.text).toContain('2 answered, 1 correct (50%)');
    expect(stats.text).toContain('Current streak: 1; best: 1');
    expect(stats.text).toMatch(/Weakest topics: .+\(0\/1\)/);
    expect(weekStart(Date.UTC(2024, 2, 20, 9))).toBe(Date.UTC(2024, 2, 18));
  });
});

describe('restarts', () => {
  const databasePath = tempDatabases();

  it('resume with the deadline recomputed from the stored time, scores intact', async () => {
    const dbPath = databasePath();
    const first = studyCore({ time: new FakeTime(), dbPath });
    const start = (await first.core.chat.command(alice, 'study', '2'))!;
    await press(first, alice, start, true);

    // The process comes back 10 s later: the question closes 20 s after that, not 30.
    const second = await restart(first, dbPath, 10_000);
    await second.time.advance(19_999, second.settle);
    expect(second.messenger.sent).toHaveLength(0);
    await second.time.advance(1, second.settle);
    expect(second.messenger.sent[0]!.reply.text).toContain('Right: 1 of 1.');
    expect(second.messenger.sent[0]!.reply.text).toContain('Question 2/2');
    await second.store.close();
  });

  it('close a question whose deadline passed during a short downtime, and end a long-stale session with its leaderboard', async () => {
    const dbPath = databasePath();
    const first = studyCore({ time: new FakeTime(), dbPath });
    const start = (await first.core.chat.command(alice, 'study', '3'))!;
    await press(first, bob, start, false);

    const second = await restart(first, dbPath, 45_000);
    await second.settle();
    expect(second.messenger.sent[0]!.reply.text).toContain('Question 2/3');

    const third = await restart(second, dbPath, 3600_000);
    await third.settle();
    const last = third.messenger.sent[0]!.reply.text;
    expect(last).toContain('restarted');
    // Two of the three questions were asked before the session ended: Bob's unanswered second one counts.
    expect(last).toContain('Bob — 0 of 2');
    expect(await third.store.study.activeSession(GROUP)).toBeUndefined();
    await third.store.close();
  });
});

describe('personal review', () => {
  it('queues every miss with ts-fsrs and asks it again in private; a right answer pushes it further out', async () => {
    const h = studyCore();
    const start = (await h.core.chat.command(alice, 'study', '2'))!;
    await press(h, bob, start, false);
    const second = (await h.core.chat.command(alice, 'next', ''))!;
    await press(h, bob, second, true);
    await h.core.chat.command(alice, 'next', '');

    const dm = member('2', 'Bob', { chatId: '2', chatKind: 'private' });
    // In the group, /review points to the private chat (a button where the platform has one, else a line).
    const pointer = (await h.core.chat.command(bob, 'review', ''))!;
    expect(pointer.text).toBe('🔁 Reviews are personal, so they happen in a private chat with me.');
    expect(pointer.personal).toBe(true);
    expect(pointer.buttons).toEqual([]);
    expect(pointer.privateChat).toEqual({ payload: 'review', label: 'Open my review', otherwise: 'Send me /review in a private message.' });
    // ts-fsrs schedules a fresh miss a minute or so out.
    expect((await h.core.chat.command(dm, 'start', 'review'))!.text).toMatch(/Nothing to review right now\. Next review in \d+ min/);
    await h.time.advance(10 * 60_000, h.settle);
    const review = (await h.core.chat.command(dm, 'start', 'review'))!;
    expect(review.text).toContain('Review (1 due)');
    expect(review.personal).toBe(true);
    const card = (await h.store.study.dueReviews('telegram', '2', h.time.now().getTime(), 5))[0]!;
    const q = h.core.study!.reviewQuestion(card, 'en')!;
    expect(review.buttons.flat().map((b) => b.label)).toEqual(q.choices);
    const data = review.buttons.flat()[q.correct]!.data;
    const answer = (await h.core.chat.action(dm, data))!;
    expect(answer.text).toMatch(/^🎉 Right!/);
    expect(answer.text).toMatch(/Source: /);
    // The same button again is stale; the card moved on.
    expect((await h.core.chat.action(dm, data))!.toast).toBe(true);
    const after = (await h.store.study.reviewCardById(card.id))!;
    expect(after.reps).toBe(card.reps + 1);
    expect(after.due).toBeGreaterThan(h.time.now().getTime());
    // Carol never answered, Alice answered nothing: nothing queued for them.
    expect(await h.store.study.nextReviewDue('telegram', '1')).toBeUndefined();
  });

  it('reschedules by the answer: a right answer goes days out, a wrong one minutes', async () => {
    const h = studyCore();
    const dm = member('2', 'Bob', { chatId: '2', chatKind: 'private' });
    const dues: number[] = [];
    for (const right of [true, false]) {
      const start = (await h.core.chat.command(alice, 'study', '1'))!;
      await press(h, bob, start, false);
      await h.core.chat.command(alice, 'stop', '');
      await h.time.advance(10 * 60_000, h.settle);
      const review = (await h.core.chat.command(dm, 'review', ''))!;
      const [, , cardId, reps, langIdx] = review.buttons.flat()[0]!.data.split(':');
      const card = (await h.store.study.reviewCardById(Number(cardId)))!;
      const q = h.core.study!.reviewQuestion(card, 'en')!;
      const choice = right ? q.correct : (q.correct + 1) % q.choices.length;
      const reply = (await h.core.chat.action(dm, `q:r:${cardId}:${reps}:${langIdx}:${choice}`))!;
      expect(reply.text.startsWith(right ? '🎉 Right!' : '❌ Not this time.')).toBe(true);
      dues.push((await h.store.study.reviewCardById(Number(cardId)))!.due - h.time.now().getTime());
      // Whatever is still due comes next; answer it away so the next round starts clean.
      for (let r = (await h.core.chat.command(dm, 'review', ''))!; r.buttons.length > 0; r = (await h.core.chat.action(dm, r.buttons.flat()[0]!.data))!);
    }
    expect(dues[0]!).toBeGreaterThan(dues[1]!);
    expect(dues[1]!).toBeLessThanOrEqual(10 * 60_000);
  });
});

describe('the terminal, one player', () => {
  it('plays /study 3 by typing numbers: each answer reveals at once and asks the next', async () => {
    const h = studyCore();
    const terminal = new TerminalChat(h.core.chat, new PassThrough(), new PassThrough());
    const first = await terminal.handleLine('/study 3');
    expect(first).toContain('Question 1/3');
    expect(first).toContain('[1] ');
    const second = await terminal.handleLine('1');
    expect(second).toMatch(/Right!|Not this time/);
    expect(second).toContain('Question 2/3');
    await terminal.handleLine('2');
    const end = await terminal.handleLine('1');
    expect(end).toMatch(/🏁 You answered \d of 3 questions right\./);
    expect(end).not.toContain('Leaderboard');
  });
});
