/**
 * The bot (compiled, `node dist/main.js` as the container runs it) against faults at start and a token revoked while it runs:
 * each ends as one clear logged error and an exit code other than 0, never a raw stack.
 *
 * The tests run concurrently (each starts a process and mostly waits for it): each has its own folder, port
 * and fake, cleaned up when it finishes, and asserts with its own `expect`.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type ExpectStatic, type TestContext } from 'vitest';
import { openDatabase } from '../../src/infra/sqlite/sqlite-store.js';
import { FAKE_TOKEN, FAKE_TOKEN_SECRET } from '../telegram/support/core.js';
import { freePort } from '../telegram/support/emulator.js';
import { FakeBotApi } from './support/fake-bot-api.js';
import { runCompiled } from './support/processes.js';
import { postgresServerUrl } from '../support/postgres.js';

/** Registers a cleanup for when the test finishes (the test context's onTestFinished). */
type OnFinished = TestContext['onTestFinished'];

function tempDir(onFinished: OnFinished): string {
  const dir = mkdtempSync(join(tmpdir(), 'startup-'));
  onFinished(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Runs the bot with Telegram on (against nothing unless `apiRoot` is given) and waits for it to end. */
async function runBot(onFinished: OnFinished, env: Record<string, string>, options: { uid?: number } = {}) {
  const child = runCompiled('main.js', {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
    TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    PORT: String(await freePort()),
    ...env,
  }, options);
  onFinished(() => void child.process.kill('SIGKILL'));
  const ended = await child.exited;
  const errors = child.logs().filter((l) => l.level === 50);
  return { ended, errors, stderr: child.stderr() };
}

/** One error line, no stack, no token. */
function expectOneClearError(expect: ExpectStatic, run: Awaited<ReturnType<typeof runBot>>, message: RegExp): void {
  expect(run.ended.code).not.toBe(0);
  expect(run.ended.code).not.toBeNull();
  expect(run.errors).toHaveLength(1);
  expect(String(run.errors[0]!.msg)).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.stderr).not.toContain(FAKE_TOKEN_SECRET);
}

describe.concurrent('faults at start', () => {
  it('a database file that is garbage', async ({ expect, onTestFinished }) => {
    const dir = tempDir(onTestFinished);
    writeFileSync(join(dir, 'bot.db'), Buffer.alloc(8192, 0x5a));
    expectOneClearError(expect, await runBot(onTestFinished, { DATABASE_URL: `file:${join(dir, 'bot.db')}` }), /^start failed: the database .+ is not an SQLite database/);
  });

  it('a PostgreSQL server that cannot be reached, without printing the password', async ({ expect, onTestFinished }) => {
    const port = await freePort();
    const run = await runBot(onTestFinished, { DATABASE_URL: `postgres://bot:hunter2-secret@127.0.0.1:${port}/bot` });
    expectOneClearError(expect, run, /^start failed: the PostgreSQL server at postgres:\/\/bot:\*\*\*@127\.0\.0\.1:\d+\/bot cannot be reached \(ECONNREFUSED\)/);
    expect(run.stderr).not.toContain('hunter2-secret');
  });

  it('a PostgreSQL database that does not exist', async ({ expect, onTestFinished }) => {
    const server = new URL(postgresServerUrl());
    server.pathname = '/no_such_database';
    expectOneClearError(expect, await runBot(onTestFinished, { DATABASE_URL: server.toString() }), /^start failed: the database named in .+\/no_such_database does not exist/);
  });

  it('a database file that is read-only for the bot', async ({ expect, onTestFinished }) => {
    const dir = tempDir(onTestFinished);
    const path = join(dir, 'bot.db');
    openDatabase(path).close();
    chmodSync(path, 0o444);
    chmodSync(dir, 0o555);
    // Root writes anything: run the bot as an ordinary user then (CI runs as root).
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    expectOneClearError(expect, await runBot(onTestFinished, { DATABASE_URL: `file:${path}` }, uid === undefined ? {} : { uid }), /^start failed: the database .+ is read-only/);
  });

  it('a database directory that cannot be created', async ({ expect, onTestFinished }) => {
    const dir = tempDir(onTestFinished);
    writeFileSync(join(dir, 'not-a-directory'), 'x');
    expectOneClearError(expect, await runBot(onTestFinished, { DATABASE_URL: `file:${join(dir, 'not-a-directory', 'bot.db')}` }), /^start failed: the database .+ cannot be created or opened/);
  });

  it('a port in use', async ({ expect, onTestFinished }) => {
    const dir = tempDir(onTestFinished);
    const port = await freePort();
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(port, resolve));
    onTestFinished(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    expectOneClearError(expect, await runBot(onTestFinished, { DATABASE_URL: `file:${join(dir, 'bot.db')}`, PORT: String(port) }), new RegExp(`^start failed: port ${port} is in use`));
  });
});

describe.concurrent('a token revoked while the bot runs', () => {
  it('401 on getUpdates: one clear error, a graceful stop, exit code 1', async ({ expect, onTestFinished }) => {
    const dir = tempDir(onTestFinished);
    const fake = await FakeBotApi.start();
    onTestFinished(() => fake.stop());
    fake.override = (method) => (method === 'getUpdates' ? { ok: false, error_code: 401, description: 'Unauthorized' } : undefined);
    const run = await runBot(onTestFinished, { DATABASE_URL: `file:${join(dir, 'bot.db')}`, TELEGRAM_API_ROOT: fake.url });
    expect(run.ended.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(String(run.errors[0]!.msg)).toMatch(/telegram refused the bot token/);
    expect(run.stderr).toMatch(/"msg":"stopped"/);
    expect(run.stderr).not.toContain(FAKE_TOKEN_SECRET);
  });
});
