/**
 * Proposed additions to data/ from the review of the question log: alternate questions for facts the bot
 * missed, and gaps where the source is silent. `npm run questions:review -- --suggest` writes one; a
 * maintainer edits and checks it, and `npm run questions:apply -- file` applies it (src/infra/data-patch-files.ts
 * validates the result with the data loader before anything is written). Pure: JSON in, JSON out.
 */
import { z } from 'zod';
import { gapSchema, LANGS, type Lang } from '../facts/schema.js';
import { normalize } from '../text/normalize.js';
import { MASKS } from './mask.js';
import type { QuestionGroup } from './review.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const why = z.string().optional();
/** Exactly one of `fact` and `entity`. */
const target = { fact: nonEmpty.optional(), entity: nonEmpty.optional() };
const oneTarget = (a: { fact?: string | undefined; entity?: string | undefined }) => (a.fact === undefined) !== (a.entity === undefined);
const oneTargetMessage = { message: 'give either "fact" or "entity"' };

/** One proposed addition. */
export const additionSchema = z.discriminatedUnion('type', [
  /** An alternate question for a fact (its `questions[lang]`). */
  z.object({ type: z.literal('question'), fact: nonEmpty, lang: z.enum(LANGS), question: nonEmpty, why }).strict(),
  /** A new gap of a fact or an entity. */
  z.object({ type: z.literal('gap'), ...target, gap: gapSchema, why }).strict().refine(oneTarget, oneTargetMessage),
  /** More keywords for an existing gap (by its position in `gaps`, from 0). */
  z
    .object({ type: z.literal('gap-keywords'), ...target, index: z.number().int().min(0), keywords: z.array(nonEmpty).min(1), why })
    .strict()
    .refine(oneTarget, oneTargetMessage),
]);
export type Addition = z.infer<typeof additionSchema>;

/** A patch file. */
export const dataPatchSchema = z
  .object({
    kind: z.literal('question-log-review'),
    version: z.literal(1),
    created: z.string(),
    additions: z.array(additionSchema),
  })
  .strict();
export type DataPatch = z.infer<typeof dataPatchSchema>;

/** The mark of text a maintainer must still write; a patch that holds one is refused. */
export const TODO = 'TODO';

/**
 * The patch that carries out the review's suggestions: questions for `missed` (unless the fact has as good a
 * question already), gaps for `silent` with a proposal.
 */
export function proposePatch(groups: readonly QuestionGroup[], created: string): DataPatch {
  const additions: Addition[] = [];
  for (const [i, g] of groups.entries()) {
    const reason = `group ${i + 1}: ${g.askers} ${g.askers === 1 ? 'asker' : 'askers'}, ${g.entries.length} logged`;
    const v = g.verdict;
    if (v.kind === 'missed' && !v.alreadyAsked) additions.push({ type: 'question', fact: v.factId, lang: g.lang, question: v.question, why: reason });
    if (v.kind === 'silent' && v.gap) {
      const about = Object.fromEntries(LANGS.map((l) => [l, `${TODO}: what the source does not say (${l}), completing “My source does not say …”`])) as Record<Lang, string>;
      additions.push({ type: 'gap', ...v.gap.target, gap: { about, keywords: v.gap.keywords, types: [] }, why: reason });
    }
  }
  return { kind: 'question-log-review', version: 1, created, additions };
}

/** The data files a patch touches, as parsed JSON: every file of data/facts and data/entities.json. */
export interface DataJson {
  facts: { file: string; json: { facts: Record<string, unknown>[] } }[];
  entities: { file: string; json: { entities: Record<string, unknown>[] } };
}

/** What applying found wrong, one line each. */
export type PatchProblems = string[];

/**
 * Applies a patch to copies of the data files. Refuses (returns problems, changes nothing) when an addition
 * names an unknown fact or entity, repeats a question some fact already has, still holds a TODO or a masked
 * part ([email], [phone]…), or names a gap that does not exist. The schemas and cross-checks run afterwards on
 * the files as written (see src/infra/data-patch-files.ts).
 */
export function applyPatch(data: DataJson, patch: DataPatch): { data: DataJson; changed: string[] } | { problems: PatchProblems } {
  const copy = structuredClone(data);
  const problems: PatchProblems = [];
  const changed = new Set<string>();
  const facts = new Map(copy.facts.flatMap(({ file, json }) => json.facts.map((f) => [String(f.id), { file, fact: f }] as const)));
  const entities = new Map(copy.entities.json.entities.map((e) => [String(e.id), e]));
  const known = new Map<string, string>();
  for (const [id, { fact }] of facts) for (const q of questionsOf(fact)) known.set(key(q), id);

  for (const [n, a] of patch.additions.entries()) {
    const at = `addition ${n + 1} (${a.type}${a.type === 'question' ? ` for fact "${a.fact}"` : a.fact !== undefined ? ` of fact "${a.fact}"` : ` of entity "${a.entity}"`})`;
    const texts = a.type === 'question' ? [a.question] : a.type === 'gap' ? [...Object.values(a.gap.about), ...a.gap.keywords] : a.keywords;
    const unfinished = texts.find((t) => t.includes(TODO) || Object.values(MASKS).some((m) => t.includes(m)));
    if (unfinished !== undefined) {
      problems.push(`${at}: "${unfinished}" still needs writing (a ${TODO} or a masked part)`);
      continue;
    }
    const entity = a.type === 'question' ? undefined : a.entity;
    const owner = a.fact !== undefined ? facts.get(a.fact) : undefined;
    const record = a.fact !== undefined ? owner?.fact : entity !== undefined ? entities.get(entity) : undefined;
    if (!record) {
      problems.push(`${at}: no such ${a.fact !== undefined ? 'fact' : 'entity'}`);
      continue;
    }
    const file = owner?.file ?? copy.entities.file;
    if (a.type === 'question') {
      const holder = known.get(key(a.question));
      if (holder) {
        problems.push(`${at}: "${a.question}" is already a question of fact "${holder}"`);
        continue;
      }
      const questions = record.questions as Record<Lang, string[]>;
      questions[a.lang] = [...(questions[a.lang] ?? []), a.question.trim()];
      known.set(key(a.question), a.fact);
    } else if (a.type === 'gap') {
      record.gaps = [...((record.gaps as unknown[] | undefined) ?? []), a.gap];
    } else {
      const gap = (record.gaps as { keywords?: string[] }[] | undefined)?.[a.index];
      if (!gap) {
        problems.push(`${at}: it has no gap number ${a.index}`);
        continue;
      }
      const have = new Set((gap.keywords ?? []).map(key));
      gap.keywords = [...(gap.keywords ?? []), ...a.keywords.filter((k) => !have.has(key(k)))];
    }
    changed.add(file);
  }
  return problems.length > 0 ? { problems } : { data: copy, changed: [...changed].sort() };
}

function questionsOf(fact: Record<string, unknown>): string[] {
  const questions = fact.questions as Partial<Record<Lang, string[]>> | undefined;
  return LANGS.flatMap((l) => questions?.[l] ?? []);
}

/** Questions compare as the resolver reads them: case, punctuation and spacing aside. */
function key(text: string): string {
  return normalize(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
