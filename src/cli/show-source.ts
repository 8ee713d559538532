/** `npx tsx src/cli/show-source.ts [sources dir]`: prints each source with section ids and paragraph numbers, as locators count them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSource } from '../core/sources/paragraphs.js';
import { sourceFileSchema } from '../core/facts/schema.js';
import { DATA_DIR } from '../infra/data-files.js';

const dir = process.argv[2] ?? join(DATA_DIR, '../../shared/sources');
const { documents } = sourceFileSchema.parse(JSON.parse(readFileSync(join(DATA_DIR, 'sources.json'), 'utf8')));
for (const doc of documents) {
  const split = splitSource(doc, readFileSync(join(dir, doc.file), 'utf8'));
  console.log(`# ${doc.id}`);
  for (const [id, paras] of split.sections) {
    console.log(`\n## section "${id}"`);
    paras.forEach((p, i) => console.log(`[${id} ${i + 1}] ${p}`));
  }
}
