import type { Fact } from '../facts/schema.js';
import type { ResolverModel } from './model.js';
import type { QuestionType } from './question-type.js';
import type { Candidate } from './signals.js';

/** Why the resolver answered, hedged or declined: shown by `--explain`, logged at debug level. */
export type DecisionReason =
  /** One fact is clearly the answer. */
  | 'confident'
  /** The best fact is likely but another fact that would answer differently is close. */
  | 'close-rival'
  /** The best fact is only a guess. */
  | 'weak-match'
  /** No fact is likely enough. */
  | 'no-match'
  /** The question asks a detail the source leaves out (a gap of the best fact). */
  | 'gap';

/** The decision on a ranked list of candidates. */
export interface Decision {
  status: 'answered' | 'unsure' | 'unknown';
  reason: DecisionReason;
  best?: Candidate;
  /** The best candidate whose answer would conflict with the best one's. */
  rival?: Candidate;
  /** The probability that the answer is right: the best fact's and that of the facts that agree with it. */
  confidence: number;
}

/**
 * Whether two facts give the same answer to a question of this type: the same fact, a list and one of its
 * items, or facts of one event that agree on what the question asks (the date for "when", the value for
 * "who", "where" and "how many").
 */
export function sameAnswer(a: Fact, b: Fact, type: QuestionType): boolean {
  if (a.id === b.id) return true;
  if (a.value?.type === 'list' && a.value.parts?.includes(b.id)) return true;
  if (b.value?.type === 'list' && b.value.parts?.includes(a.id)) return true;
  if (!a.event || a.event !== b.event) return false;
  if (type === 'when') return !!a.date && !!b.date && (a.date.value.startsWith(b.date.value) || b.date.value.startsWith(a.date.value));
  if (type === 'who' || type === 'where' || type === 'howmany')
    return JSON.stringify(a.value ?? a.short.en) === JSON.stringify(b.value ?? b.short.en);
  return false;
}

/**
 * Whether a second fact leaves the first's answer in doubt. Facts that give the same answer do not; nor,
 * for a question that asks what, why or whether, do facts of the same event or a reason and what it
 * explains: they tell the same occasion from another side, so the answer is about the right thing and the
 * other side is offered as a related question, not as a doubt.
 */
export function conflicts(a: Fact, b: Fact, type: QuestionType): boolean {
  if (sameAnswer(a, b, type)) return false;
  if (a.explains?.includes(b.id) || b.explains?.includes(a.id)) return false;
  const open = type === 'what' || type === 'why' || type === 'yesno' || type === 'list';
  return !(open && a.event !== undefined && a.event === b.event);
}

/**
 * Decides from the ranked candidates (best first) with the model's thresholds: the probability that the
 * answer is right is the best fact's probability plus that of every candidate that does not conflict with
 * it (they say the same, or tell the same event from another side).
 */
export function decide(ranked: readonly Candidate[], type: QuestionType, model: ResolverModel): Decision {
  const best = ranked[0];
  let confidence = 0;
  for (const c of ranked) if (best && !conflicts(best.fact, c.fact, type)) confidence += c.probability;
  if (!best || confidence < model.thresholds.unsure) return { status: 'unknown', reason: 'no-match', best, confidence };
  const rival = ranked.find((c) => conflicts(best.fact, c.fact, type));
  if (confidence >= model.thresholds.answer) return { status: 'answered', reason: 'confident', best, rival, confidence };
  return { status: 'unsure', reason: rival && rival.probability > 0.1 ? 'close-rival' : 'weak-match', best, rival, confidence };
}
