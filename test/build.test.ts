/**
 * The compiled production build: `npm run build` emits src/ to dist/, and plain node (no tsx, no TypeScript
 * loader) runs it from any working directory, finding data/, the migrations and the interface strings.
 * The build is incremental: with dist/ up to date (as after `.ci/run`'s build step) it takes under a second.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS } from '../src/infra/sqlite/migrations/index.js';
import { openDatabase } from '../src/infra/sqlite/sqlite-store.js';
import { compiledHelperPath, compileHelper, PROCESS_HELPERS, transpileHelper } from './support/compiled-helpers.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
const work = mkdtempSync(join(tmpdir(), 'reform-bot-build-'));

/** Runs a compiled entry point with plain node, from a folder outside the project, with only these variables. */
function runCompiled(entry: string, args: string[], env: Record<string, string> = {}, input = ''): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(DIST, entry), ...args], {
    cwd: work,
    // No NODE_OPTIONS (no --import tsx), no tokens from the developer's shell.
    env: { PATH: process.env.PATH ?? '', ...env },
    input,
    encoding: 'utf8',
    timeout: 20_000,
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(join(ROOT, 'src'), join(e.parentPath, e.name)));
}

// The tests' global setup ran `npm run --silent build` (test/support/build-global-setup.ts): it must have
// succeeded and printed nothing.
beforeAll(() => {
  const build = inject('build');
  expect('failed' in build ? build.failed : build.output).toBe('');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build', () => {
  it('emits one JavaScript module per source file into dist/, and nothing from test/ or bench/', () => {
    const sources = sourceFiles(join(ROOT, 'src'));
    expect(sources).toContain('main.ts');
    for (const s of sources) expect(existsSync(join(DIST, s.replace(/\.ts$/, '.js'))), s).toBe(true);
    expect(existsSync(join(DIST, 'test'))).toBe(false);
    // The search index artefact is built with the code, so a compiled start restores it.
    expect(existsSync(join(DIST, 'search-index.json'))).toBe(true);
    expect(existsSync(join(DIST, 'bench'))).toBe(false);
  });

  it('answers a question with node dist/cli/ask.js', () => {
    const run = runCompiled('cli/ask.js', ['when was the referendum']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/referendum .* on June 5, 2022/);
    expect(run.stdout).toContain('Source: “Birth of New Kazakhstan (Part 1)”');
  });

  it('runs the bot with node dist/main.js: migrates a new database and chats in the terminal', () => {
    const dbPath = join(work, 'main', 'bot.db');
    const run = runCompiled('main.js', [], { DATABASE_URL: `file:${dbPath}`, LOG_LEVEL: 'warn' }, 'Когда прошёл конституционный референдум?\n/quit\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('chatting here in the terminal');
    expect(run.stdout).toMatch(/5 июня 2022/);
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    db.close();
  });

  it('backs up the database with node dist/cli/backup.js (the command the container offers)', () => {
    const dbPath = join(work, 'backup', 'bot.db');
    openDatabase(`file:${dbPath}`).close();
    const target = join(work, 'backup', 'copy.db');
    const run = runCompiled('cli/backup.js', [target], { DATABASE_URL: `file:${dbPath}` });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^backed up .*bot\.db to .*copy\.db/);
    expect(existsSync(target)).toBe(true);
  });
});

describe("the tests' process helpers, compiled against dist/", () => {
  it('load the compiled modules for their imports of src/, and refuse any other import of the repository', () => {
    const root = mkdtempSync(join(tmpdir(), 'reform-bot-helper-'));
    try {
      mkdirSync(join(root, 'test'));
      const write = (name: string, text: string) => writeFileSync(join(root, 'test', name), text);
      write('good.ts', "import { Api } from 'grammy';\nimport type { Fact } from '../src/core/facts/schema.js';\nimport { loadFactBase } from '../src/infra/data-files.js';\nconst f: Fact | undefined = undefined;\nexport { Api, loadFactBase, f };\n");
      const code = readFileSync(compileHelper(root, 'test/good.ts'), 'utf8');
      expect(code).toContain(`from '${pathToFileURL(join(root, 'dist', 'infra', 'data-files.js')).href}'`);
      expect(code).toContain("from 'grammy'");
      // Types are removed: the type-only import leaves nothing behind.
      expect(code).not.toMatch(/schema|: Fact/);
      write('bad.ts', "import { FAKE_TOKEN } from './telegram/support/core.js';\nexport { FAKE_TOKEN };\n");
      expect(() => compileHelper(root, 'test/bad.ts')).toThrow(/imports \.\/telegram\/support\/core\.js: a helper run compiled may import only src\//);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('were compiled by the global setup from their current source', () => {
    expect(inject('helpers')).toEqual({ ok: true });
    for (const entry of PROCESS_HELPERS) expect(readFileSync(compiledHelperPath(ROOT, entry), 'utf8')).toBe(transpileHelper(ROOT, entry));
  });
});
