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
  /** The best candidate that would give a different answer. */
  rival?: Candidate;
}

/**
 * Whether two facts give the same answer to a question of this type, so that the second does not make the
 * first doubtful: the same fact, a list and one of its items, or facts of one event that agree on what
 * the question asks (the date for "when", the value for "who", "where" and "how many").
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

/** Decides from the ranked candidates (best first) with the model's thresholds. */
export function decide(ranked: readonly Candidate[], type: QuestionType, model: ResolverModel): Decision {
  const best = ranked[0];
  if (!best || best.probability < model.thresholds.unsure) return { status: 'unknown', reason: 'no-match', best };
  const rival = ranked.find((c) => !sameAnswer(best.fact, c.fact, type));
  const lead = best.probability - (rival?.probability ?? 0);
  if (best.probability >= model.thresholds.answer && lead >= model.thresholds.margin) return { status: 'answered', reason: 'confident', best, rival };
  return { status: 'unsure', reason: best.probability >= model.thresholds.answer ? 'close-rival' : 'weak-match', best, rival };
}
