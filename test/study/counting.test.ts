/**
 * Counting at the end of a quiz: a question left unanswered counts as asked, for one player (their result,
 * in every language with its plural forms, through the chat service and the terminal) and in a group's board.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TerminalChat } from '../../src/adapters/terminal/terminal-chat.js';
import type { ChatReply } from '../../src/core/chat/chat-service.js';
import type { Lang } from '../../src/core/facts/schema.js';
import { member, openQuestion, press, studyCore, type StudyHarness } from './support.js';

/**
 * Plays a five-question quiz alone in a private chat: `plan` says for each question whether the member
 * answers it right, wrong, or lets its time run out. Returns the last message (the result).
 */
async function playAlone(h: StudyHarness, lang: Lang, plan: ('right' | 'wrong' | 'skip')[]): Promise<string> {
  const me = member('2', 'Bob', { chatId: '2', chatKind: 'private', userLang: lang });
  let shown: ChatReply = (await h.core.chat.command(me, 'study', String(plan.length)))!;
  let last = shown.text;
  for (const step of plan) {
    if (step === 'skip') {
      const before = h.messenger.sent.length;
      await h.time.advance(30_000, h.settle);
      shown = h.messenger.sent[before]!.reply;
    } else shown = (await press(h, me, shown, step === 'right'))!;
    last = shown.text;
  }
  return last;
}

describe('counting at the end of a quiz', () => {
  it('counts a question left unanswered as asked: "2 of 5", not "2 of 4"', async () => {
    const h = studyCore();
    const end = await playAlone(h, 'en', ['right', 'wrong', 'skip', 'right', 'wrong']);
    expect(end).toContain('🏁 You answered 2 of 5 questions right.');
    expect(end).toContain('The questions you missed come back with /review.');
  });

  it('says it in Russian and Kazakh with the forms the numbers want', async () => {
    const cases: [Lang, ('right' | 'wrong' | 'skip')[], string][] = [
      ['ru', ['right', 'skip', 'wrong', 'wrong', 'wrong'], '🏁 Вы верно ответили на 1 вопрос из 5.'],
      ['ru', ['right', 'right', 'skip', 'wrong', 'skip'], '🏁 Вы верно ответили на 2 вопроса из 5.'],
      ['ru', ['skip', 'skip', 'skip', 'skip', 'skip'], '🏁 Вы верно ответили на 0 вопросов из 5.'],
      ['ru', ['right', 'right', 'right', 'right', 'right'], '🏁 Вы верно ответили на 5 вопросов из 5.'],
      ['kk', ['right', 'skip', 'right', 'wrong', 'skip'], '🏁 Нәтижеңіз: 5 сұрақтан 2 дұрыс жауап.'],
      ['en', ['right'], '🏁 You answered 1 of 1 question right.'],
    ];
    for (const [lang, plan, expected] of cases) {
      const h = studyCore();
      expect(await playAlone(h, lang, plan), `${lang} ${plan.join(' ')}`).toContain(expected);
    }
  });

  it('counts the same in the terminal, where /next passes a question unanswered', async () => {
    const h = studyCore();
    const terminal = new TerminalChat(h.core.chat, new PassThrough(), new PassThrough());
    await terminal.handleLine('/study 5');
    const answer = async (right: boolean) => {
      const { q } = await openQuestion(h.store, { platform: 'terminal', chatId: 'terminal' });
      return terminal.handleLine(String((right ? q.correct : (q.correct + 1) % q.choices.length) + 1));
    };
    await answer(true);
    await answer(false);
    expect(await terminal.handleLine('/next')).toContain('Question 4/5');
    await answer(true);
    const end = await answer(false);
    expect(end).toContain('You answered 2 of 5 questions right.');
  });

  it('counts every question asked on a group\'s board, answered or not', async () => {
    const h = studyCore();
    const alice = member('1', 'Alice');
    const bob = member('2', 'Bob');
    let q = (await h.core.chat.command(alice, 'study', '3'))!;
    await press(h, alice, q, true);
    await press(h, bob, q, true);
    q = (await h.core.chat.command(alice, 'next', ''))!;
    await press(h, alice, q, true);
    await h.core.chat.command(alice, 'next', '');
    // Nobody answers the third question before the starter stops the session.
    const end = (await h.core.chat.command(alice, 'stop', ''))!;
    expect(end.text).toContain('🏁 Leaderboard:\n1. Alice — 2 of 3\n2. Bob — 1 of 3');
  });
});
