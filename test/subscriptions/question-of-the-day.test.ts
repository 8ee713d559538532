/**
 * The question of the day: its choices are buttons under the post; a member's press is answered privately,
 * counts once in their /stats, and the answer comes with the next day's post. Previews answer at once and count
 * nothing. The source of questions is a port: the quiz bank by default, the facts' yes/no questions without one.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TerminalChat } from '../../src/adapters/terminal/terminal-chat.js';
import type { Button, ChatReply, ChatRequest } from '../../src/core/chat/chat-service.js';
import { I18n } from '../../src/core/i18n/i18n.js';
import { silentLogger } from '../../src/core/ports.js';
import { createDailyPosts } from '../../src/core/subscriptions/daily-posts.js';
import { parseQuestionButton } from '../../src/core/subscriptions/question-presses.js';
import { dayNumber, type DailyQuestion, type QuestionOfTheDay } from '../../src/core/subscriptions/question-of-the-day.js';
import { QuizBankQuestions } from '../../src/core/subscriptions/quiz-bank-questions.js';
import { YesNoQuestions } from '../../src/core/subscriptions/yes-no-questions.js';
import { SqliteStore, openDatabase } from '../../src/infra/sqlite/sqlite-store.js';
import { sharedFacts } from '../support/shared-facts.js';
import { base, FakeClock, postingCore, RecordingMessenger, request } from './support.js';

const member = (chatId: string, userId: string, kind: 'group' | 'private' = 'group'): ChatRequest => ({
  platform: 'telegram',
  chatId,
  userId,
  chatKind: kind,
  userLang: 'en',
});

/** The question a chat's newest post asked, in English, from the core's own source. */
async function askedIn(h: ReturnType<typeof postingCore>, chatId: string): Promise<DailyQuestion> {
  const ref = (await h.store.subscriptions.recent({ platform: 'telegram', chatId }, 1))[0]!.plan.question!;
  return h.core.dailyPosts.questions.item(ref.id, 'en')!;
}

/** A post's choice buttons (the others: "Show the answer"). */
function choicesOf(reply: ChatReply): Button[] {
  return reply.buttons.flat().filter((b) => /^d:[cp]:/.test(b.data));
}

/** Subscribes a chat and runs the scheduler at 09:00 Almaty on a date; returns the post sent. */
async function postOn(h: ReturnType<typeof postingCore>, clock: FakeClock, chatId: string, date: string) {
  clock.set(`${date}T04:00:00Z`);
  await h.core.dailyPosts.scheduler!.tick();
  await h.core.dailyPosts.queue!.drain();
  return h.messenger.to(chatId).at(-1)!.reply;
}

describe('the question of the day in a group', () => {
  it('answers a press privately, counts the first press once in /stats, and reveals the answer with the next post', async () => {
    const clock = FakeClock.at('2024-08-19T10:00:00Z');
    const h = postingCore(clock);
    await h.core.chat.command(request('-500'), 'subscribe', '09:00 Asia/Almaty');
    const post = await postOn(h, clock, '-500', '2024-08-20');
    expect(post.text).toContain('Question of the day: ');
    const item = await askedIn(h, '-500');
    const choices = choicesOf(post);
    expect(choices.map((b) => b.label)).toEqual(item.choices);
    expect(choices.map((b) => b.data)).toEqual(item.choices.map((_, i) => `d:c:20240820:en:${i}`));
    expect(post.buttons.at(-1)).toEqual([{ label: 'Show the answer', data: 'd:s:20240820:en' }]);
    const show = post.buttons.at(-1);
    const right = choices[item.correct]!.data;
    const wrong = choices[(item.correct + 1) % choices.length]!.data;

    // Alice answers right: a notification only she sees, and nothing that gives the answer away.
    const first = (await h.core.chat.action(member('-500', 'alice'), right))!;
    expect(first).toMatchObject({ toast: true, personal: true });
    expect(first.text).toBe(`Your answer “${item.choices[item.correct]}” is in. The right one comes with the next post.`);
    expect((await h.core.chat.action(member('-500', 'alice'), wrong))!.text).toMatch(/already answered/);
    // Bob looks at the answer first: he sees it privately, and his choice after that is not counted.
    const shown = (await h.core.chat.action(member('-500', 'bob'), show![0]!.data))!;
    expect(shown).toMatchObject({ toast: true, personal: true });
    expect(shown.text.startsWith(`Answer: ${item.choices[item.correct]}. `)).toBe(true);
    expect(shown.text.length).toBeLessThanOrEqual(200);
    expect((await h.core.chat.action(member('-500', 'bob'), right))!.text).toMatch(/not counted/);

    expect((await h.core.chat.command(member('-500', 'alice'), 'stats', ''))!.text).toContain('1 answered, 1 correct (100%)');
    expect((await h.core.chat.command(member('-500', 'bob'), 'stats', ''))!.text).toMatch(/not answered a quiz question yet/);

    // The next day's post answers it; a press on the old question is then closed.
    const next = await postOn(h, clock, '-500', '2024-08-21');
    expect(next.text).toContain(`Yesterday's question: ${item.question}\nAnswer: ${item.choices[item.correct]}. ${item.explanation}`);
    expect(next.text.indexOf("Yesterday's question")).toBeLessThan(next.text.indexOf('Question of the day'));
    expect((await h.core.chat.action(member('-500', 'carol'), right))!.text).toMatch(/closed/);
    expect((await h.core.chat.command(member('-500', 'carol'), 'stats', ''))!.text).toMatch(/not answered/);
  });

  it('counts a member once for a date, however many chats carry the question', async () => {
    const clock = FakeClock.at('2024-08-19T10:00:00Z');
    const h = postingCore(clock);
    await h.core.chat.command(request('-601'), 'subscribe', '09:00 Asia/Almaty');
    await h.core.chat.command(request('-602'), 'subscribe', '09:00 Asia/Almaty');
    const a = await postOn(h, clock, '-601', '2024-08-20');
    const b = h.messenger.to('-602').at(-1)!.reply;
    expect(choicesOf(b)).toEqual(choicesOf(a));
    await h.core.chat.action(member('-601', 'dan'), choicesOf(a)[0]!.data);
    expect((await h.core.chat.action(member('-602', 'dan'), choicesOf(b)[0]!.data))!.text).toMatch(/already answered/);
    expect((await h.core.chat.command(member('-601', 'dan'), 'stats', ''))!.text).toContain('1 answered');
  });

  it('counts a wrong answer in /stats, with its topic among the weakest', async () => {
    const clock = FakeClock.at('2024-08-19T10:00:00Z');
    const h = postingCore(clock);
    await h.core.chat.command(request('-700'), 'subscribe', '09:00 Asia/Almaty');
    const post = await postOn(h, clock, '-700', '2024-08-20');
    const item = await askedIn(h, '-700');
    await h.core.chat.action(member('-700', 'erin'), choicesOf(post)[(item.correct + 1) % item.choices.length]!.data);
    const stats = (await h.core.chat.command(member('-700', 'erin'), 'stats', ''))!.text;
    expect(stats).toContain('1 answered, 0 correct (0%)');
    // The missed question's topic is among the weakest.
    expect(stats).toContain(base.topicName(base.fact(item.factId)!.topics[0]!, 'en'));
  });
});

describe('the question of the day elsewhere', () => {
  it('in a private chat, a press gets its verdict at once, with the citation', async () => {
    const clock = FakeClock.at('2024-08-19T10:00:00Z');
    const h = postingCore(clock);
    await h.core.chat.command(request('42', { kind: 'private' }), 'subscribe', '09:00 Asia/Almaty');
    const post = await postOn(h, clock, '42', '2024-08-20');
    const item = await askedIn(h, '42');
    const reply = (await h.core.chat.action(member('42', '42', 'private'), choicesOf(post)[item.correct]!.data))!;
    expect(reply.toast).toBeUndefined();
    expect(reply.personal).toBe(true);
    expect(reply.text).toBe(`✅ Right! ${item.explanation}`);
    expect(reply.citation).toMatch(/^Source: /);
  });

  it('in the terminal, the post\'s choices are numbers to type, and the verdict is a line', async () => {
    const clock = FakeClock.at('2024-08-19T10:00:00Z');
    const h = postingCore(clock);
    const output = new PassThrough();
    const printed: string[] = [];
    output.on('data', (chunk: Buffer) => printed.push(chunk.toString()));
    const terminal = new TerminalChat(h.core.chat, new PassThrough(), output);
    h.core.messengers.register('terminal', terminal.messenger());
    await terminal.handleLine('/subscribe 09:00 Asia/Almaty');
    clock.set('2024-08-20T04:00:00Z');
    await h.core.dailyPosts.scheduler!.tick();
    await h.core.dailyPosts.queue!.drain();
    const item = h.core.dailyPosts.questions.item((await h.store.subscriptions.recent({ platform: 'terminal', chatId: 'terminal' }, 1))[0]!.plan.question!.id, 'en')!;
    const lines = item.choices.map((c, i) => `  [${i + 1}] ${c}`).join('\n');
    expect(printed.join('')).toContain(`${lines}\n  [${item.choices.length + 1}] Show the answer`);
    expect(await terminal.handleLine(String(item.correct + 1))).toMatch(new RegExp(`^✅ Right! .+\\n\\nSource: `));
    expect((await h.core.chat.command({ platform: 'terminal', chatId: 'terminal', userId: 'terminal', chatKind: 'private' }, 'stats', ''))!.text).toContain('1 answered');
  });

  it('a preview\'s buttons answer at once and count nothing', async () => {
    const clock = FakeClock.at('2024-08-19T10:00:00Z');
    const h = postingCore(clock);
    const preview = (await h.core.chat.command(member('-800', 'finn'), 'preview', '2024-08-20'))!;
    const item = h.core.dailyPosts.questions.item(h.core.dailyPosts.composer.questionRef('2024-08-20')!.id, 'en')!;
    expect(choicesOf(preview).map((b) => b.data)).toEqual(item.choices.map((_, i) => `d:p:20240820:en:${i}`));
    const wrong = (item.correct + 1) % item.choices.length;
    const reply = (await h.core.chat.action(member('-800', 'finn', 'private'), choicesOf(preview)[wrong]!.data))!;
    expect(reply.text).toBe(`❌ Not quite: the answer is “${item.choices[item.correct]}”. ${item.explanation}`);
    expect((await h.core.chat.command(member('-800', 'finn'), 'stats', ''))!.text).toMatch(/not answered/);
  });

  it('reads only its own buttons', () => {
    expect(parseQuestionButton('d:c:20240820:kk:1')).toEqual({ kind: 'choice', date: '2024-08-20', lang: 'kk', choice: 1 });
    expect(parseQuestionButton('d:s:20240820:ru')).toEqual({ kind: 'show', date: '2024-08-20', lang: 'ru' });
    for (const bad of ['d:c:20240820:kk', 'd:s:20240820:ru:1', 'd:c:20240820:fr:0', 'd:a:referendum-june-5', 'd:c:2024-08-20:en:0', 'q:a:1:0:1'])
      expect(parseQuestionButton(bad), bad).toBeUndefined();
  });
});

describe('presses in SQLite', () => {
  it('reads back what it wrote, keeps the first press, and refuses a row whose topics are not a list', async () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    const press = { platform: 'discord' as const, chatId: 'c', userId: 'u', localDate: '2024-08-20', questionId: 'q', factId: 'f', choice: 1, correct: false, topics: ['economy'], answeredAt: 5 };
    expect(await store.dailyAnswers.add(press)).toBe(true);
    expect(await store.dailyAnswers.add({ ...press, choice: 0, correct: true })).toBe(false);
    expect(await store.dailyAnswers.get('discord', 'u', '2024-08-20')).toEqual(press);
    expect(await store.dailyAnswers.get('telegram', 'u', '2024-08-20')).toBeUndefined();
    store.db.prepare("UPDATE daily_answers SET topics = '{broken'").run();
    await expect(store.dailyAnswers.get('discord', 'u', '2024-08-20')).rejects.toThrow(/topics/);
  });
});

describe('the facts\' yes/no questions as a source', () => {
  const source = new YesNoQuestions(base, new I18n());

  it('never asks about the article itself, "this year" or what the source leaves out', () => {
    expect(source.size).toBeGreaterThan(100);
    for (const f of base.facts)
      for (const lang of ['en', 'ru', 'kk'] as const) {
        const item = source.item(f.id, lang);
        if (!item) continue;
        expect(f.topics, f.id).not.toContain('article');
        expect(item.question, f.id).not.toMatch(/article|статья|статье|мақала|this year|last year|этом году|прошлом году|биыл|былтыр|^Указан|^Приводи/i);
        expect(item.explanation, f.id).not.toMatch(/^(Yes|No|Да|Нет|Иә|Жоқ)[,:.]/);
      }
  });

  it('asks every question once before any repeats, one a day', () => {
    const seen = new Set<string>();
    for (let d = 0; d < source.size; d++) seen.add(source.pick(new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10), new Set())!);
    expect(seen.size).toBe(source.size);
  });
});

describe('the quiz bank as a source', () => {
  const bank = new QuizBankQuestions(base);

  it('asks the bank\'s items with their four choices in the same order in every language', () => {
    expect(bank.size).toBeGreaterThan(100);
    for (const item of base.quiz) {
      const [en, ru, kk] = (['en', 'ru', 'kk'] as const).map((l) => bank.item(item.id, l));
      if (!en) continue;
      expect(en.choices[en.correct]).toBe(item.en.answer);
      expect(ru!.choices[ru!.correct]).toBe(item.ru.answer);
      expect(kk!.correct).toBe(en.correct);
      expect(new Set(en.choices).size).toBe(4);
      expect(en.factId).toBe(item.fact);
    }
  });

  it('never asks about a fact the post tells, its own or one it draws on', () => {
    const withAlso = base.quiz.find((i) => (i.also ?? []).length > 0 && bank.item(i.id, 'en'))!;
    for (let d = 0; d < bank.size; d++) {
      const date = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
      expect(bank.pick(date, new Set([withAlso.also![0]!]))).not.toBe(withAlso.id);
      expect(bank.pick(date, new Set([withAlso.fact]))).not.toBe(withAlso.id);
    }
  });

  it('asks every item once before any repeats, one a day, none that counts time from the article', () => {
    const seen = new Set<string>();
    for (let d = 0; d < bank.size; d++) seen.add(bank.pick(new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10), new Set())!);
    expect(seen.size).toBe(bank.size);
    for (const id of seen) for (const l of ['en', 'ru', 'kk'] as const) expect(bank.item(id, l)!.question).not.toMatch(/this year|last year|в этом году|в прошлом году|биыл|былтыр/i);
  });
});

describe('another source of questions', () => {
  /** A source of two four-choice items, asked on alternate days. */
  const bank: QuestionOfTheDay = {
    pick: (date) => (dayNumber(date) % 2 === 0 ? 'bank-a' : 'bank-b'),
    item: (id, lang): DailyQuestion | undefined =>
      id === 'bank-a' || id === 'bank-b'
        ? {
            id,
            factId: id === 'bank-a' ? 'referendum-more-than-70-percent' : 'kosherbayev-ambassador',
            question: `${lang}: which one?`,
            choices: ['one', 'two', 'three', 'four'],
            correct: 2,
            explanation: 'Because three.',
          }
        : undefined,
  };

  it('plugs in through createDailyPosts: its buttons, its right answer, its explanation in the reveal', async () => {
    const clock = FakeClock.at('2024-08-19T10:00:00Z');
    const store = new SqliteStore(openDatabase(':memory:'));
    const i18n = new I18n();
    const messenger = new RecordingMessenger(clock);
    const daily = createDailyPosts({ base, resolver: sharedFacts().resolver, i18n, clock, logger: silentLogger, store, messenger, questions: bank, owner: 'test' });
    await daily.feature.command(request('-900'), 'subscribe', '09:00 Asia/Almaty');
    for (const date of ['2024-08-20', '2024-08-21']) {
      clock.set(`${date}T04:00:00Z`);
      await daily.scheduler!.tick();
      await daily.queue!.drain();
    }
    const [first, second] = messenger.to('-900').map((s) => s.reply);
    expect(first!.text).toContain('Question of the day: en: which one?');
    expect(choicesOf(first!).map((b) => b.label)).toEqual(['one', 'two', 'three', 'four']);
    expect(second!.text).toContain("Yesterday's question: en: which one?\nAnswer: three. Because three.");
    const press = (await daily.feature.action(member('-900', 'gus'), choicesOf(second!)[2]!.data))!;
    expect(press.text).toBe('Your answer “three” is in. The right one comes with the next post.');
  });
});
