/** The review of the question log as a Markdown report for maintainers. */
import type { FactBase } from '../facts/fact-base.js';
import type { Lang } from '../facts/schema.js';
import type { GapTarget, QuestionGroup } from './review.js';

/** What the report covers. */
export interface ReportScope {
  /** When the report was made, and the first moment it covers (ISO). */
  created: string;
  since: string;
  lang?: Lang;
  /** Entries read. */
  entries: number;
  /** The patch file written beside it (`--suggest`), if any. */
  patchFile?: string;
}

/** The whole report. */
export function renderReport(groups: readonly QuestionGroup[], scope: ReportScope, base: FactBase): string {
  const lines = [
    '# Questions the bot could not answer',
    '',
    `${scope.entries} logged ${scope.entries === 1 ? 'question' : 'questions'} since ${scope.since.slice(0, 10)}` +
      `${scope.lang ? ` in ${LANG_NAMES[scope.lang]}` : ''}, in ${groups.length} ${groups.length === 1 ? 'group' : 'groups'}, the most asked first. ` +
      `Made ${scope.created.slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    'Each verdict is a suggestion to check against the source, not a decision: **the bot missed it** names the fact',
    'that should have answered (add the question to its `questions`); **the source is silent** proposes a `gaps`',
    'entry (its wording in three languages is yours to write) or says the bot already declines correctly.',
    scope.patchFile
      ? `The proposals are in \`${scope.patchFile}\`: edit it, then \`npm run questions:apply -- ${scope.patchFile}\`, \`npm run facts:check\`, \`npm test\` and \`npm run eval\`.`
      : 'Run with `--suggest` for a patch file of these proposals.',
    '',
  ];
  if (groups.length === 0) lines.push('Nothing was logged in this period.', '');
  for (const [i, g] of groups.entries()) lines.push(...renderGroup(i + 1, g, base), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

const LANG_NAMES: Record<Lang, string> = { en: 'English', ru: 'Russian', kk: 'Kazakh' };

function renderGroup(n: number, g: QuestionGroup, base: FactBase): string[] {
  const counts = [
    g.statuses.unknown ? `${g.statuses.unknown} declined` : '',
    g.statuses.unsure ? `${g.statuses.unsure} guessed` : '',
    g.statuses.wrong ? `${g.statuses.wrong} marked “not what I asked”` : '',
  ].filter(Boolean);
  const platforms = countBy(g.entries.map((e) => `${e.platform} ${e.chatKind}`));
  const out = [
    `## ${n}. ${quote(g.examples[0]?.text ?? '')}`,
    '',
    `${g.askers} ${g.askers === 1 ? 'asker' : 'askers'}, ${g.entries.length} logged (${counts.join(', ')}); ${LANG_NAMES[g.lang]}; ${platforms}.` +
      `${g.entities.length ? ` Names: ${g.entities.map(code).join(', ')}.` : ''}`,
    '',
    ...g.examples.map((e) => `- ${quote(e.text)}${e.askers > 1 ? ` (${e.askers} askers)` : ''}`),
    '',
    g.leaned ? `The bot leaned to ${factName(base, g.leaned.factId)} with a score of ${g.leaned.score.toFixed(2)}.` : 'The bot leaned to no fact.',
    `Now it ${g.now.status === 'answered' ? 'answers with' : g.now.status === 'unsure' ? 'guesses' : 'declines'}${g.now.factId ? ` ${factName(base, g.now.factId)}` : ''} (score ${g.now.score.toFixed(2)}).`,
    '',
  ];
  const v = g.verdict;
  if (v.kind === 'answered-now') out.push(`**Verdict: answered now** by ${factName(base, v.factId)}: nothing to do unless that answer is wrong.`);
  else if (v.kind === 'missed' && v.alreadyAsked)
    out.push(
      `**Verdict to check: the bot missed it.** ${factName(base, v.factId)} should answer it, and already has as close a question: ` +
        `more questions will not help; see \`npm run ask -- --explain ${JSON.stringify(v.question)}\` for what holds it back.`,
    );
  else if (v.kind === 'missed')
    out.push(`**Verdict to check: the bot missed it.** ${factName(base, v.factId)} should answer it: add ${quote(v.question)} to its \`questions.${g.lang}\`.`);
  else if (v.existing) out.push(`**Verdict: the source is silent**, and the bot already says so (a gap of ${targetName(base, v.existing.target)}: “${v.existing.about}”).`);
  else if (v.gap) {
    out.push(`**Verdict to check: the source is silent.** Add a gap to ${targetName(base, v.gap.target)} with the keywords ${v.gap.keywords.map(code).join(', ')}.`);
    const existing = 'entity' in v.gap.target ? base.entity(v.gap.target.entity)?.gaps : base.fact(v.gap.target.fact)?.gaps;
    if (existing?.length)
      out.push(`Or add the keywords to one of its gaps (\`gap-keywords\` with its \`index\`): ${existing.map((gap, i) => `${i}: “${gap.about.en}”`).join('; ')}.`);
  } else out.push('**Verdict: the source is silent** on this, and no fact is about it: declining is right; nothing to add.');
  return out;
}

function factName(base: FactBase, id: string): string {
  const fact = base.fact(id);
  return fact ? `${code(id)} (“${fact.title.en}”)` : `${code(id)} (no longer in the fact base)`;
}

function targetName(base: FactBase, target: GapTarget): string {
  if ('fact' in target) return `fact ${factName(base, target.fact)}`;
  const entity = base.entity(target.entity);
  return `entity ${code(target.entity)}${entity ? ` (${entity.name.en})` : ''}`;
}

function countBy(items: string[]): string {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
}

/** User text in the report: one line, Markdown neutralised, in quotes. */
function quote(text: string): string {
  return `“${text.replace(/\s+/gu, ' ').replace(/([\\`*_[\]<>#|])/gu, '\\$1')}”`;
}

function code(text: string): string {
  return `\`${text.replace(/`/gu, "'")}\``;
}
