/**
 * The tests' global setup: a PostgreSQL server (postgres-global-setup.ts) and dist/ with the index artefact
 * (build-global-setup.ts), prepared side by side, since the one mostly waits for a server to start and the
 * other for the compiler.
 */
import type { TestProject } from 'vitest/node';
import { provideBuild } from './build-global-setup.js';
import { providePostgres } from './postgres-global-setup.js';

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const [stopPostgres] = await Promise.all([providePostgres(project), provideBuild(project)]);
  return stopPostgres;
}
