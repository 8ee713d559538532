/**
 * `npm run questions:apply -- <patch.json> [--data dir]`: applies a patch of proposed additions (from
 * `npm run questions:review -- --suggest`, reviewed and edited by a maintainer) to data/. The result is
 * validated as the bot loads data/ (zod schemas and cross-checks); a patch that breaks anything is refused and
 * nothing is written. Then run `npm run facts:check`, `npm test` and `npm run eval` as usual.
 */
import { applyPatchToData, PatchRefused, readPatch } from '../infra/data-patch-files.js';
import { DATA_DIR } from '../infra/data-files.js';

const args = process.argv.slice(2);
const dataAt = args.indexOf('--data');
const dir = dataAt >= 0 ? args[dataAt + 1] : DATA_DIR;
const files = args.filter((_, i) => dataAt < 0 || (i !== dataAt && i !== dataAt + 1));
if (files.length !== 1 || !dir || files[0]?.startsWith('-')) {
  console.error('usage: npm run questions:apply -- <patch.json> [--data dir]');
  process.exit(2);
}

try {
  const result = applyPatchToData(readPatch(files[0]!), dir);
  if (result.changed.length === 0) console.log('the patch adds nothing');
  else console.log(`applied: ${result.changed.map((f) => `data/${f}`).join(', ')}`);
  // How the bot now takes each added question: answered by its fact, still a guess, or another fact (check it).
  for (const a of result.added) {
    const found = a.now.factIds[0];
    const mark = found !== a.fact ? 'CHECK' : a.now.status === 'answered' ? 'answered' : 'still unsure';
    console.log(`  ${mark}: “${a.question}” → ${a.now.status}${found ? ` ${found}` : ''} (${a.now.confidence.toFixed(2)})${found === a.fact ? '' : `; it was added to ${a.fact}`}`);
  }
  console.log('next: npm run facts:check && npm test && npm run eval');
} catch (error) {
  if (error instanceof PatchRefused) {
    console.error(error.message);
    console.error('nothing was written');
    process.exit(1);
  }
  throw error;
}
