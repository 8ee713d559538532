/**
 * Gives the test run a PostgreSQL server: the one TEST_POSTGRES_URL names (CI starts it in .ci/run), else a
 * throwaway cluster started here from the installed server binaries (.ci/postgres-cluster.sh) and stopped at
 * the end. Without either, the PostgreSQL tests fail, saying how to run them (see test/support/postgres.ts).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL of a PostgreSQL server for the tests, or why there is none. */
    postgres: { url: string } | { missing: string };
  }
}

const SCRIPT = join(import.meta.dirname, '..', '..', '.ci', 'postgres-cluster.sh');
const run = promisify(execFile);

/** Provides `postgres` to the tests; returns the teardown that stops a cluster started here. */
export async function providePostgres(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.TEST_POSTGRES_URL?.trim();
  if (given) {
    project.provide('postgres', { url: given });
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'bot-pg-'));
  const stop = () => void execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'ignore' });
  try {
    const { stdout } = await run('bash', [SCRIPT, 'start', dir], { encoding: 'utf8' });
    project.provide('postgres', { url: stdout.trim().split('\n').pop() ?? '' });
    return stop;
  } catch (error) {
    const why = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr).trim() : String(error);
    project.provide('postgres', { missing: why });
    stop();
    return undefined;
  }
}
