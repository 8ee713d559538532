/**
 * `npm run ask -- "when was the referendum?"` prints the reply for a person.
 * `npm run ask -- --explain "…"` also prints how the resolver read the question: its language and type,
 * each word's readings, the best facts with every signal's contribution, and the decision.
 * `npm run --silent ask -- --json` reads questions from standard input, one per line, and prints one JSON line
 * per question, in order (the protocol of ../shared/eval/grade.mjs). Logs go to standard error only.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Explanation } from '../core/resolver/resolver.js';
import type { ResolvedAnswer } from '../core/resolver/types.js';
import { contributions, DEFAULT_MODEL } from '../core/resolver/model.js';
import { LANGS, type Lang } from '../core/facts/schema.js';
import { loadFactBase } from '../infra/data-files.js';
import { createResolver } from '../infra/search-index-artefact.js';

const { values, positionals } = parseArgs({
  options: { json: { type: 'boolean', default: false }, lang: { type: 'string' }, explain: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const lang = LANGS.includes(values.lang as Lang) ? (values.lang as Lang) : undefined;
const resolver = createResolver(loadFactBase());

/** The JSON line of the evaluation protocol. */
function toJsonLine(a: ResolvedAnswer): string {
  return JSON.stringify({
    status: a.status,
    answer: a.answer,
    citation: a.citationLine,
    factIds: a.factIds,
    confidence: a.confidence,
    lang: a.lang,
    suggestions: a.suggestions.map((s) => s.question),
  });
}

function explainOne(q: string): Explanation {
  try {
    return resolver.explain(q, { lang });
  } catch (e) {
    // One question must never break the one-line-per-question protocol.
    console.error('ask: resolver failed:', e);
    return resolver.explain('', { lang });
  }
}

/** The explanation as lines for a person. */
function renderExplanation(e: Explanation): string {
  const a = e.analysis;
  const lines = [
    `language ${a.lang}, type ${a.type}${e.smallTalk ? `, small talk (${e.smallTalk})` : ''}${e.operator ? `, operator ${e.operator.kind} [${e.operator.args.join(' | ')}]` : ''}${e.parts ? `, parts [${e.parts.join(' | ')}]` : ''}`,
    `words: ${a.words.map((w) => `${w.word}(${w.weight.toFixed(2)}${w.readings.length ? `: ${w.readings.map((r) => `${r.key}${r.factor < 1 ? `×${r.factor.toFixed(2)}` : ''}`).join(' ')}` : ': unknown'})`).join(', ')}`,
    `entities: ${[...a.entities].map(([id, d]) => `${id}${d.descriptor ? ' (described)' : ''}`).join(', ') || '—'}; dates: ${JSON.stringify(a.dates)}; unknown share ${a.unknownShare.toFixed(2)}`,
  ];
  for (const c of e.candidates.slice(0, 5))
    lines.push(
      `  ${c.probability.toFixed(3)} ${c.fact.id}: ${contributions(c.signals, DEFAULT_MODEL)
        .map((x) => `${x.name} ${x.value.toFixed(2)}×${x.weight.toFixed(2)}=${x.contribution >= 0 ? '+' : ''}${x.contribution.toFixed(2)}`)
        .join(', ')}`,
    );
  if (e.decision)
    lines.push(
      `decision: ${e.decision.status} (${e.decision.reason}), confidence ${e.decision.confidence.toFixed(3)}; first conflicting fact ${e.decision.rival?.fact.id ?? '—'} ${e.decision.rival?.probability.toFixed(3) ?? ''}`,
    );
  lines.push(`thresholds: answer ${DEFAULT_MODEL.thresholds.answer}, unsure ${DEFAULT_MODEL.thresholds.unsure}; score of answering nothing ${DEFAULT_MODEL.none.toFixed(2)}`, '', e.answer.text);
  return lines.join('\n');
}

if (values.json) {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) process.stdout.write(`${toJsonLine(explainOne(line).answer)}\n`);
} else {
  const e = explainOne(positionals.join(' '));
  console.log(values.explain ? renderExplanation(e) : e.answer.text);
}
