/**
 * Builds dist/ before the tests (`npm run build`: incremental, about half a second when nothing changed), so
 * the tests that start the bot as a process run `node dist/main.js`, as the container does. Through tsx each
 * such process would cost about 0.3 s more CPU for the loader alone, and the suite starts some twenty of them.
 * A build that fails does not stop the other tests: those processes fail with its output (see processes.ts),
 * and test/build.test.ts checks this run of the build rather than running it again.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Whether dist/ is built from the current sources (and what the build printed), or why not. */
    build: { ok: true; output: string } | { failed: string };
  }
}

export default function setup(project: TestProject): void {
  const run = spawnSync('npm', ['run', '--silent', 'build'], { cwd: join(import.meta.dirname, '..', '..'), encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  project.provide('build', run.status === 0 ? { ok: true, output } : { failed: output.trim() || String(run.error) });
}
