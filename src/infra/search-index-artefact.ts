/**
 * The resolver's search index as a build artefact: computed once from data/ (by `npm run build`, or on the
 * first start after data/ or the index code changed) and saved as JSON, so a start restores it instead of
 * analysing every text in every language again. The artefact names the data and code it was built from (a
 * hash); one that does not match is rebuilt, never used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FactBase } from '../core/facts/fact-base.js';
import type { Logger } from '../core/ports.js';
import { Resolver } from '../core/resolver/resolver.js';
import { INDEX_FORMAT, SearchIndex, type IndexSnapshot } from '../core/resolver/search-index.js';
import { DATA_DIR } from './data-files.js';

/** Where the artefact lives: beside the compiled code in dist/, under var/ when run from the sources. */
export const INDEX_ARTEFACT = fileURLToPath(
  new URL(import.meta.url.includes('/dist/') ? '../search-index.json' : '../../var/search-index.json', import.meta.url),
);

/**
 * The code that decides what the index holds and which offered questions it answers well: the resolver, the
 * text helpers, the fact base's own code (dates, lookups), and the loading of data/ (what it fills in).
 */
const CODE_DIRS = [new URL('../core/text/', import.meta.url), new URL('../core/resolver/', import.meta.url), new URL('../core/facts/', import.meta.url)];
/** Single files of that code, by name in this module's folder (`.ts` from the sources, `.js` compiled). */
const CODE_FILES = /^data-files\.(?:ts|js)$/;
/** Packages whose code reads the words (stems, near spellings): another version may read them otherwise. */
const PACKAGES = ['snowball-stemmers', 'fuse.js'];

interface Artefact {
  fingerprint: string;
  snapshot: IndexSnapshot;
  /** The questions the bot answers well (resolver/suggestions.ts), checked once with the index. */
  answeredWell?: string[];
}

/** A hash of everything the index is computed from: the data files, the code and packages that read them, the format version. */
export function indexFingerprint(dataDir = DATA_DIR): string {
  const hash = createHash('sha256').update(`format ${INDEX_FORMAT}\n`);
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
      .sort();
  for (const f of files(dataDir)) if (f.endsWith('.json')) hash.update(f.slice(dataDir.length)).update(readFileSync(f));
  for (const dir of CODE_DIRS)
    for (const f of files(fileURLToPath(dir))) if (/\.(?:ts|js)$/.test(f) && !f.endsWith('.d.ts')) hash.update(readFileSync(f));
  const here = fileURLToPath(new URL('./', import.meta.url));
  for (const f of readdirSync(here).filter((name) => CODE_FILES.test(name)).sort()) hash.update(readFileSync(join(here, f)));
  for (const name of PACKAGES) hash.update(readFileSync(fileURLToPath(import.meta.resolve(name))));
  return hash.digest('hex');
}

/** What the artefact gives a start: the index, and the offered-question checks when they were saved. */
interface Restored {
  index: SearchIndex;
  answeredWell?: string[];
}

/** The artefact's index and checks when it matches the data and code, else a freshly built index. */
function restore(base: FactBase, path: string, fingerprint: string, logger?: Logger): Restored & { fresh: boolean } {
  try {
    const artefact = JSON.parse(readFileSync(path, 'utf8')) as Artefact;
    if (artefact.fingerprint === fingerprint)
      return { index: new SearchIndex(base, artefact.snapshot), ...(artefact.answeredWell ? { answeredWell: artefact.answeredWell } : {}), fresh: false };
    logger?.info({ path }, 'search index artefact is stale: rebuilding');
  } catch {
    // Missing or unreadable: built below.
  }
  return { index: new SearchIndex(base), fresh: true };
}

/** Saves the artefact (best effort: a read-only disk only costs the next start some time). */
function save(path: string, artefact: Artefact, logger?: Logger): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(artefact));
    renameSync(tmp, path);
  } catch (e) {
    logger?.warn({ path, err: (e as Error).message }, 'search index artefact not saved');
  }
}

/**
 * The search index for a fact base loaded from `dataDir`: restored from the artefact when it matches,
 * otherwise built and saved (see {@link createResolver} for the artefact with the offered-question checks).
 */
export function loadSearchIndex(base: FactBase, options: { dataDir?: string; path?: string; logger?: Logger } = {}): SearchIndex {
  const path = options.path ?? INDEX_ARTEFACT;
  const fingerprint = indexFingerprint(options.dataDir);
  const { index, fresh } = restore(base, path, fingerprint, options.logger);
  if (fresh) save(path, { fingerprint, snapshot: index.snapshot() }, options.logger);
  return index;
}

/**
 * A resolver over the fact base whose index, and the checks of the questions it offers, come from the
 * artefact. When the artefact is stale or lacks the checks, both are computed (about two seconds, once)
 * and saved, so that no later start makes its first users wait for them.
 */
export function createResolver(base: FactBase, logger?: Logger, options: { dataDir?: string; path?: string } = {}): Resolver {
  const path = options.path ?? INDEX_ARTEFACT;
  const fingerprint = indexFingerprint(options.dataDir);
  const { index, answeredWell } = restore(base, path, fingerprint, logger);
  const resolver = new Resolver(base, undefined, undefined, index);
  if (answeredWell) resolver.suggestions.seed(answeredWell);
  else save(path, { fingerprint, snapshot: index.snapshot(), answeredWell: resolver.suggestions.checkAll() }, logger);
  return resolver;
}
