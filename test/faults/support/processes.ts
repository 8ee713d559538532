/** Child processes for the fault tests: the bot (compiled, dist/main.js) or the fan-out alone (compiled too), with their output kept. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { compiledHelperPath, type PROCESS_HELPERS } from '../../support/compiled-helpers.js';

/** The repository's root, where the children run. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A running child, its standard error as JSON log entries, and how it ended. */
export interface Child {
  process: ChildProcess;
  stderr: () => string;
  /** Log lines of standard error that are JSON objects. */
  logs: () => Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a TypeScript entry point under tsx with the given environment (and, as root, optionally as another user). */
export function runTs(entry: string, env: Record<string, string>, options: { uid?: number } = {}): Child {
  return run(['--import', 'tsx', entry], env, options);
}

/**
 * Runs an entry point of the compiled build (`main.js` for the bot, as the container starts it) with plain
 * node. dist/ is built by the tests' global setup; when that build failed, this throws its output.
 */
export function runCompiled(entry: string, env: Record<string, string>, options: { uid?: number } = {}): Child {
  const build = inject('build');
  if ('failed' in build) throw new Error(`npm run build failed, so the compiled bot cannot start:\n${build.failed}`);
  return run([join(ROOT, 'dist', entry)], env, options);
}

/**
 * Runs a helper of the tests (one of compiled-helpers.ts's PROCESS_HELPERS) with plain node, as the global setup
 * compiled it against dist/; when that failed, this throws why.
 */
export function runHelper(entry: (typeof PROCESS_HELPERS)[number], env: Record<string, string>): Child {
  const helpers = inject('helpers');
  if ('failed' in helpers) throw new Error(`the tests' process helpers were not compiled, so ${entry} cannot start:\n${helpers.failed}`);
  return run([compiledHelperPath(ROOT, entry)], env, {});
}

function run(args: string[], env: Record<string, string>, options: { uid?: number }): Child {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', () => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const logs = () =>
    stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { process: child, stderr: () => stderr, logs, exited };
}

/** Resolves once `predicate` holds (checked every 20 ms), or rejects after `ms`. */
export async function until(predicate: () => boolean | Promise<boolean>, ms = 30_000, what = 'the condition'): Promise<void> {
  const started = Date.now();
  while (!(await predicate())) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
