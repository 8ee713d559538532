import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceDoc } from '../core/facts/schema.js';
import { DATA_DIR } from './data-files.js';

/** Where the source documents live: `../shared/sources/` beside the project, unless told otherwise. */
export const SOURCES_DIR = process.env.SOURCES_DIR ?? join(DATA_DIR, '..', '..', 'shared', 'sources');

/** A source document's text, or undefined when the sources folder is not present. */
export function readSourceText(doc: SourceDoc, dir = SOURCES_DIR): string | undefined {
  const path = join(dir, doc.file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
