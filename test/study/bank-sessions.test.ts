/**
 * Sessions drawn from the quiz bank, as members see them: the item's question and choices, the reveal with its
 * explanation and citation, the language of the member who starts, a short topic told, and stored questions
 * that survive a restart (even a changed bank) or, unreadable, are skipped without a crash.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TerminalChat } from '../../src/adapters/terminal/terminal-chat.js';
import { capturingLogger } from '../telegram/support/logger.js';
import { FIXTURE_BANK, addressDate, moscowTalks, referendumDate, referendumShare, roundTableHost } from './fixture-bank.js';
import { FakeTime, member, openQuestion, press, restart, studyCore, tempDatabases } from './support.js';

const GROUP = { platform: 'telegram' as const, chatId: '-100' };
const alice = member('1', 'Alice');
const bob = member('2', 'Bob');
/** Three referendum items: two of the referendum itself (one event), one of the March 2022 address. */
const referendumBank = [referendumDate, referendumShare, { ...addressDate, topic: 'referendum' }, moscowTalks];

describe('a session from the bank', () => {
  it('asks the item as written and reveals its answer, explanation, citation and count', async () => {
    const h = studyCore({ bank: [moscowTalks] });
    const start = (await h.core.chat.command(alice, 'study', '3'))!;
    expect(start.text).toContain('I have only 1 question for a quiz right now.');
    expect(start.text).toContain(moscowTalks.en.question);
    expect(start.buttons.flat().map((b) => b.label).sort()).toEqual([moscowTalks.en.answer, ...moscowTalks.en.distractors].sort());
    await press(h, alice, start, true);
    await press(h, bob, start, false);
    const end = (await h.core.chat.command(alice, 'next', ''))!.text;
    const lines = end.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '✅ Answer: Moscow',
      moscowTalks.en.explanation,
      'Source: “Birth of New Kazakhstan (Part 1)”, March 24, 2023, section “From Mass Unrest to Political Stability”, paragraph 4',
      'Right: 1 of 2.',
    ]);
  });

  it('puts easier questions first and never two of one event in a row', async () => {
    const h = studyCore({ bank: FIXTURE_BANK });
    await h.core.chat.command(alice, 'study', '5');
    const { session } = await openQuestion(h.store, GROUP);
    const levels = session.questions.map((q) => q.difficulty);
    expect(levels).toEqual([...levels].sort());
    // The two referendum items belong to one event (the 2022 referendum): never side by side.
    const at = (id: string) => session.questions.findIndex((q) => q.itemId === id);
    expect(Math.abs(at(referendumDate.id) - at(referendumShare.id))).toBeGreaterThan(1);
    expect(new Set(session.questions.map((q) => q.itemId))).toEqual(new Set(FIXTURE_BANK.map((i) => i.id)));
  });

  it('speaks the language of the member who starts it: a Russian or Kazakh topic name, else their own', async () => {
    const h = studyCore({ bank: referendumBank });
    const ru = (await h.core.chat.command(member('5', 'Ivan', { chatId: '-1' }), 'study', 'референдум'))!;
    expect(ru.lang).toBe('ru');
    expect(ru.text).toContain('Вопрос 1/3');
    expect([referendumDate, referendumShare, addressDate].some((i) => ru.text.includes(i.ru.question))).toBe(true);
    const kk = (await h.core.chat.command(member('6', 'Aigerim', { chatId: '-2' }), 'study', '2022 жылғы референдум'))!;
    expect(kk.lang).toBe('kk');
    expect([referendumDate, referendumShare, addressDate].some((i) => kk.text.includes(i.kk.question))).toBe(true);
    const own = (await h.core.chat.command(member('7', 'Dana', { chatId: '-3', userLang: 'kk' }), 'study', '3'))!;
    expect(own.lang).toBe('kk');
    expect(own.text).toContain('Сұрақ 1/3');
  });

  it('keeps a topic session to its topic and says how many it has when fewer than asked', async () => {
    const h = studyCore({ bank: referendumBank });
    const reply = (await h.core.chat.command(alice, 'study', '10 referendum'))!;
    expect(reply.text).toContain('ℹ “The 2022 referendum” has only 3 questions for a quiz.');
    expect(reply.text).toContain('Question 1/3');
    const { session } = await openQuestion(h.store, GROUP);
    expect(session.questions.map((q) => q.topic)).toEqual(['referendum', 'referendum', 'referendum']);
    // Its two items about the vote itself are one event: they are kept apart by the address.
    expect(session.questions[1]!.itemId).toBe(addressDate.id);
    // Without the address they cannot be kept apart: a topic session still asks both (its member chose the
    // topic); a session on the whole bank asks one, and says so.
    const twoOfOne = studyCore({ bank: [referendumDate, referendumShare] });
    expect((await twoOfOne.core.chat.command(alice, 'study', '2 referendum'))!.text).toContain('Question 1/2');
    expect((await studyCore({ bank: [referendumDate, referendumShare] }).core.chat.command(alice, 'study', '2'))!.text).toContain('I have only 1 question for a quiz right now.');
    const ru = (await studyCore({ bank: FIXTURE_BANK }).core.chat.command(member('8', 'Oleg', { chatId: '-4', userLang: 'ru' }), 'study', '10 Выборы 2023 года'))!;
    expect(ru.text).toContain('ℹ По теме «Выборы 2023 года» для викторины есть только 1 вопрос.');
    // A year in a topic's name is not the number of questions.
    const elections = (await studyCore({ bank: FIXTURE_BANK }).core.chat.command(member('8', 'Oleg', { chatId: '-6' }), 'study', 'Выборы 2023 года'))!;
    expect(elections.text).toContain('«Выборы 2023 года»');
    expect(elections.text).toContain(roundTableHost.ru.question);
    const none = (await h.core.chat.command(member('8', 'Oleg', { chatId: '-5' }), 'study', 'economy'))!;
    expect(none.text).toBe('I have no questions on that topic yet.');
  });

  it('asks a missed question again in review from the bank, with its explanation on the answer', async () => {
    const h = studyCore({ bank: [roundTableHost] });
    const start = (await h.core.chat.command(alice, 'study', '1'))!;
    await press(h, bob, start, false);
    await h.core.chat.command(alice, 'stop', '');
    await h.time.advance(10 * 60_000, h.settle);
    const dm = member('2', 'Bob', { chatId: '2', chatKind: 'private', userLang: 'ru' });
    const review = (await h.core.chat.command(dm, 'review', ''))!;
    expect(review.text).toContain(roundTableHost.ru.question);
    const card = (await h.store.study.dueReviews('telegram', '2', h.time.now().getTime(), 5))[0]!;
    expect(card.kind).toBe('person');
    const q = h.core.study!.reviewQuestion(card, 'ru')!;
    const verdict = (await h.core.chat.action(dm, review.buttons.flat()[q.correct]!.data))!.text;
    expect(verdict).toContain('✅ Ответ: Ермек Кошербаев');
    expect(verdict).toContain(roundTableHost.ru.explanation);
  });

  it('plays in the terminal with the explanation in each reveal', async () => {
    const h = studyCore({ bank: [addressDate] });
    const terminal = new TerminalChat(h.core.chat, new PassThrough(), new PassThrough());
    expect(await terminal.handleLine('/study 1')).toContain(addressDate.en.question);
    const end = await terminal.handleLine('1');
    expect(end).toContain('✅ Answer: March 16, 2022');
    expect(end).toContain(addressDate.en.explanation);
    expect(end).toMatch(/You answered [01] of 1 question right\./);
  });
});

describe('stored questions', () => {
  const databasePath = tempDatabases();

  it('reveal after a restart as they were asked, even when the bank changed meanwhile', async () => {
    const dbPath = databasePath();
    const first = studyCore({ time: new FakeTime(), dbPath, bank: [moscowTalks, addressDate] });
    const start = (await first.core.chat.command(alice, 'study', '2'))!;
    await press(first, alice, start, true);
    const asked = (await openQuestion(first.store, GROUP)).q;
    // The bank is rewritten while the bot is down: the session still shows what it asked.
    const second = await restart(first, dbPath, 40_000, { bank: [referendumDate] });
    await second.settle();
    const reveal = second.messenger.sent[0]!.reply.text;
    expect(reveal).toContain(`✅ Answer: ${asked.choices[asked.correct]}`);
    expect(reveal).toContain(asked.explanation);
    expect(reveal).toContain('Right: 1 of 1.');
    expect(reveal).toContain('Question 2/2');
    await second.store.close();
  });

  it('skip a row that does not parse, with a log line, and free its chat for a new session', async () => {
    const dbPath = databasePath();
    const logger = capturingLogger();
    const h = studyCore({ dbPath, storeLogger: logger });
    await h.core.chat.command(alice, 'study', '2');
    const id = (await openQuestion(h.store, GROUP)).session.id;
    h.store.db.prepare('UPDATE study_sessions SET questions = ? WHERE id = ?').run('[{"text": "no choices"}]', id);

    await expect(h.core.study!.resume(() => true)).resolves.toBeUndefined();
    expect(await h.store.study.session(id)).toBeUndefined();
    const entry = logger.entries.find((e) => e.msg === 'study session skipped: its stored questions do not parse');
    expect(entry?.level).toBe('warn');
    expect(entry?.obj.sessionId).toBe(id);
    // A press on its buttons is closed, and the chat can start again.
    expect((await h.core.chat.action(bob, `q:a:${id}:0:0`))!.text).toBe('This question is closed.');
    expect((await h.core.chat.command(alice, 'study', '1'))!.text).toContain('Question 1/1');
    h.store.db.prepare('UPDATE study_sessions SET questions = ? WHERE id = ?').run('not json', id);
    expect(await h.store.study.session(id)).toBeUndefined();
  });

  it('read a session stored before the bank (generated questions, no explanation)', async () => {
    const h = studyCore();
    const legacy = [{ kind: 'when', factId: 'referendum-june-5', lang: 'en', text: 'When was the referendum?', choices: ['5 June 2022', '16 March 2022'], correct: 0 }];
    h.store.db
      .prepare(`INSERT INTO study_sessions (platform, chat_id, starter_id, chat_kind, lang, questions, current, round_opened_at, status, started_at) VALUES ('telegram', '-100', '1', 'group', 'en', ?, 0, ?, 'active', ?)`)
      .run(JSON.stringify(legacy), h.time.now().getTime(), h.time.now().getTime());
    const end = (await h.core.chat.command(alice, 'stop', ''))!.text;
    expect(end).toContain('✅ Answer: 5 June 2022');
    expect(end).toContain('Source: “Birth of New Kazakhstan (Part 1)”');
  });
});
