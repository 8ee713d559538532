/**
 * `npm run ask -- "when was the referendum?"` prints the reply for a person.
 * `npm run --silent ask -- --json` reads questions from standard input, one per line, and prints one JSON line
 * per question, in order (the protocol of ../shared/eval/grade.mjs). Logs go to standard error only.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Resolver } from '../core/resolver/resolver.js';
import type { ResolvedAnswer } from '../core/resolver/types.js';
import { LANGS, type Lang } from '../core/facts/schema.js';
import { loadFactBase } from '../infra/data-files.js';

const { values, positionals } = parseArgs({
  options: { json: { type: 'boolean', default: false }, lang: { type: 'string' } },
  allowPositionals: true,
});
const lang = LANGS.includes(values.lang as Lang) ? (values.lang as Lang) : undefined;
const resolver = new Resolver(loadFactBase());

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

function answerOne(q: string): ResolvedAnswer {
  try {
    return resolver.resolve(q, { lang });
  } catch (e) {
    // One question must never break the one-line-per-question protocol.
    console.error('ask: resolver failed:', e);
    return resolver.resolve('', { lang });
  }
}

if (values.json) {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) process.stdout.write(`${toJsonLine(answerOne(line))}\n`);
} else {
  const question = positionals.join(' ');
  const a = answerOne(question);
  console.log(a.text);
}
