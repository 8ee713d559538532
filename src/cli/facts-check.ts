/**
 * `npm run facts:check`: validates every data file and prints a coverage report
 * (facts per kind, per section of the source, per language).
 */
import { DataError, formatProblem, loadFactBaseData } from '../infra/data-files.js';
import { LANGS, placesOf } from '../core/facts/schema.js';

try {
  const data = loadFactBaseData();
  const count = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  };
  console.log(`facts: ${data.facts.length}, entities: ${data.entities.length}, topics: ${data.topics.length}`);
  console.log(`per kind: ${count(data.facts.map((f) => f.kind))}`);
  for (const doc of data.documents) {
    console.log(`${doc.title}:`);
    for (const s of doc.sections) {
      const facts = data.facts.filter((f) => f.source.doc === doc.id && f.source.section === s.id);
      const covered = new Set(
        data.facts
          .filter((f) => f.source.doc === doc.id)
          .flatMap((f) => placesOf(f.source))
          .filter((p) => p.section === s.id)
          .map((p) => p.paragraph),
      );
      const missing = Array.from({ length: s.paragraphs }, (_, i) => i + 1).filter((p) => !covered.has(p));
      console.log(
        `  ${s.id}: ${facts.length} facts, paragraphs ${covered.size}/${s.paragraphs}` +
          (missing.length ? ` (no fact for ${missing.join(', ')})` : ''),
      );
    }
  }
  for (const lang of LANGS) {
    const questions = data.facts.reduce((n, f) => n + f.questions[lang].length, 0);
    console.log(`${lang}: ${data.facts.length} answers, ${questions} questions`);
  }
} catch (e) {
  if (e instanceof DataError) {
    console.error(e.problems.map(formatProblem).join('\n'));
    console.error(`${e.problems.length} problem(s)`);
    process.exit(1);
  }
  throw e;
}
