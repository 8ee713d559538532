/** A member's own quiz record (`/stats`): answered, correct, streaks and weakest topics. */
import { languageFor, type ChatReply, type ChatRequest } from '../chat/chat-service.js';
import { personalNote, type StudyContext } from './study-context.js';
import type { StudyAnswer } from './study-store.js';

/** How a member has done, from their answers oldest first. */
export interface MemberRecord {
  answered: number;
  correct: number;
  /** Right answers in a row up to the last one. */
  streak: number;
  /** The longest run of right answers. */
  best: number;
  /** Up to three topics with a miss, weakest (lowest share right) first: topic id, right, total. */
  weakest: { topic: string; right: number; total: number }[];
}

/** The record of a member's answers (oldest first, as `StudyRepository.userAnswers` returns them). */
export function memberRecord(answers: readonly Pick<StudyAnswer, 'correct' | 'topics'>[]): MemberRecord {
  const correct = answers.filter((a) => a.correct).length;
  let streak = 0;
  let best = 0;
  for (const a of answers) {
    streak = a.correct ? streak + 1 : 0;
    best = Math.max(best, streak);
  }
  const byTopic = new Map<string, { right: number; total: number }>();
  for (const a of answers)
    for (const t of a.topics) {
      const s = byTopic.get(t) ?? { right: 0, total: 0 };
      s.total += 1;
      if (a.correct) s.right += 1;
      byTopic.set(t, s);
    }
  const weakest = [...byTopic.entries()]
    .filter(([, s]) => s.right < s.total)
    .sort((a, b) => a[1].right / a[1].total - b[1].right / b[1].total || b[1].total - a[1].total || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([topic, s]) => ({ topic, ...s }));
  return { answered: answers.length, correct, streak, best, weakest };
}

/** `/stats`: the member's record, for them alone. */
export async function statsReply(ctx: StudyContext, req: ChatRequest, typed: string): Promise<ChatReply> {
  const lang = languageFor(req, 'member', typed);
  const answers = await ctx.store.study.userAnswers(req.platform, req.userId);
  if (answers.length === 0) return personalNote(lang, ctx.i18n.t(lang, 'study-stats-none'));
  const r = memberRecord(answers);
  const lines = [ctx.i18n.t(lang, 'study-stats', { answered: r.answered, correct: r.correct, percent: Math.round((100 * r.correct) / r.answered), streak: r.streak, best: r.best })];
  const weak = r.weakest.map((w) => `${ctx.base.topicName(w.topic, lang)} (${w.right}/${w.total})`);
  if (weak.length) lines.push(ctx.i18n.t(lang, 'study-stats-weak', { topics: weak.join(', ') }));
  return personalNote(lang, lines.join('\n'));
}
