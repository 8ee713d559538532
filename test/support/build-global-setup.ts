/**
 * What the tests need built before any worker starts:
 * - dist/ (`npm run build`: incremental, about half a second when nothing changed), so the tests that start the
 *   bot as a process run `node dist/main.js`, as the container does. Through tsx each such process would cost
 *   about 0.3 s more CPU for the loader alone, and the suite starts some twenty of them. A build that fails does
 *   not stop the other tests: those processes fail with its output (see processes.ts), and test/build.test.ts
 *   checks this run of the build rather than running it again. The helpers that tests start as processes are
 *   compiled against it (compiled-helpers.ts).
 * - the search index artefact of the sources (var/search-index.json, with the checks of the questions the bot
 *   offers), which test/support/shared-facts.ts restores: brought up to date here once (about a second and a
 *   half after data/ or the code that reads it changed, a check of its fingerprint otherwise), rather than by
 *   each worker at the same moment.
 *   Data that does not load is left to the tests to report.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadFactBase } from '../../src/infra/data-files.js';
import { createResolver } from '../../src/infra/search-index-artefact.js';
import { compileHelper, PROCESS_HELPERS } from './compiled-helpers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Whether dist/ is built from the current sources (and what the build printed), or why not. */
    build: { ok: true; output: string } | { failed: string };
    /** Whether the process helpers are compiled against that build (compiled-helpers.ts), or why not. */
    helpers: { ok: true } | { failed: string };
  }
}

const ROOT = join(import.meta.dirname, '..', '..');

/** Provides `build` to the tests: dist/ built (and the process helpers compiled against it), or why not. */
export async function provideBuild(project: TestProject): Promise<void> {
  const building = new Promise<{ ok: boolean; output: string }>((resolve) =>
    execFile('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ ok: !error, output: `${stdout}${stderr}` || (error?.message ?? '') }),
    ),
  );
  // While the compiler runs: the artefact of the sources, for test/support/shared-facts.ts.
  try {
    createResolver(loadFactBase());
  } catch {
    // The tests that load data/ say what is wrong with it.
  }
  const build = await building;
  project.provide('build', build.ok ? { ok: true, output: build.output } : { failed: build.output.trim() });
  project.provide('helpers', build.ok ? compileHelpers() : { failed: 'npm run build failed, so they were not compiled' });
}

/** Compiles the process helpers against dist/, or says why one could not be. */
function compileHelpers(): { ok: true } | { failed: string } {
  try {
    for (const entry of PROCESS_HELPERS) compileHelper(ROOT, entry);
    return { ok: true };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}
