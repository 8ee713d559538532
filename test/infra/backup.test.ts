/**
 * Backups: a consistent copy of a database that another process is writing (as the bot does), through the
 * library call and through `npm run backup`, and a restore that opens.
 */
import { spawn, execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupError, backupDatabase } from '../../src/infra/sqlite/backup.js';
import { openDatabase } from '../../src/infra/sqlite/sqlite-store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const stops: (() => Promise<void>)[] = [];
/** Transactions of 20 rows of 2 KB the writer commits before a backup starts: about 2 MB. */
const GROWN = 50;
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

/**
 * A database with the bot's schema plus a ledger whose rows always add up to `totals.total`, and a child
 * process that keeps adding to both in transactions (about 40 KB each) until stopped.
 */
async function databaseBeingWritten() {
  const dir = mkdtempSync(join(tmpdir(), 'backup-'));
  const path = join(dir, 'bot.db');
  const db = openDatabase(`file:${path}`);
  db.exec('CREATE TABLE ledger (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, pad BLOB); CREATE TABLE totals (total INTEGER NOT NULL); INSERT INTO totals VALUES (0);');
  db.close();
  const script = join(dir, 'writer.mjs');
  writeFileSync(
    script,
    `import { createRequire } from 'node:module';
const Database = createRequire(${JSON.stringify(join(ROOT, 'package.json'))})('better-sqlite3');
const db = new Database(${JSON.stringify(path)});
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare('INSERT INTO ledger (n, pad) VALUES (?, randomblob(2000))');
const add = db.prepare('UPDATE totals SET total = total + ?');
const write = db.transaction((k) => { let sum = 0; for (let i = 0; i < 20; i++) { insert.run(k + i); sum += k + i; } add.run(sum); });
let k = 0;
let stopping = false;
process.on('SIGTERM', () => { stopping = true; });
const loop = () => { if (stopping) { db.close(); process.stdout.write('done ' + k + '\\n'); return; } write(k++); if (k === ${GROWN}) process.stdout.write('grown\\n'); setTimeout(loop, 2); };
loop();
`,
  );
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  // Wait until the database has grown to a few MB (so copying takes more than an instant); the writer says so.
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => out.includes('grown') && resolve());
    child.once('exit', () => reject(new Error('writer exited early')));
  });
  const written = () => {
    const reader = new Database(path, { readonly: true });
    try {
      return (reader.prepare('SELECT count(*) AS c FROM ledger').get() as { c: number }).c;
    } finally {
      reader.close();
    }
  };
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  stops.push(stop);
  return { dir, path, written, stop };
}

/** Opens a backup and checks the ledger is one consistent snapshot. */
function checkCopy(file: string): number {
  const copy = new Database(file, { readonly: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const { rows, sum } = copy.prepare('SELECT count(*) AS rows, coalesce(sum(n), 0) AS sum FROM ledger').get() as { rows: number; sum: number };
    const { total } = copy.prepare('SELECT total FROM totals').get() as { total: number };
    expect(rows % 20).toBe(0);
    expect(sum).toBe(total);
    return rows;
  } finally {
    copy.close();
  }
}

describe('backup', () => {
  it('copies a database another process is writing, consistently, while the writes go on', async () => {
    const live = await databaseBeingWritten();
    const before = live.written();
    const target = join(live.dir, 'backups', 'copy.db');
    const result = await backupDatabase(live.path, target);
    const after = live.written();
    const rows = checkCopy(target);
    expect(rows).toBeGreaterThanOrEqual(before);
    expect(rows).toBeLessThanOrEqual(after);
    expect(result.bytes).toBeGreaterThan(0);
    expect(existsSync(`${target}.partial`)).toBe(false);
    expect(existsSync(`${target}-wal`)).toBe(false);
    // The writer was never stopped by the backup: it goes on adding rows.
    await vi.waitFor(() => expect(live.written()).toBeGreaterThan(after), { timeout: 5_000, interval: 10 });
  });

  it('works as `npm run backup -- <file>`, and the copy restores', async () => {
    const live = await databaseBeingWritten();
    const target = join(live.dir, 'cli-copy.db');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', target], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${live.path}`, TELEGRAM_BOT_TOKEN: '', DISCORD_TOKEN: '' },
    });
    expect(stdout).toMatch(/^backed up .* to .*cli-copy\.db/);
    const rows = checkCopy(target);
    expect(rows).toBeGreaterThan(0);

    // Restore as the README says: stop the bot, copy the backup over the database file, start.
    await live.stop();
    const restored = join(live.dir, 'restored', 'bot.db');
    openDatabase(`file:${restored}`).close();
    copyFileSync(target, restored);
    const db = openDatabase(`file:${restored}`);
    expect((db.prepare('SELECT count(*) AS c FROM ledger').get() as { c: number }).c).toBe(rows);
    db.close();
  });

  it('refuses :memory:, a missing database, and a target that is the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-'));
    await expect(backupDatabase(':memory:', join(dir, 'x.db'))).rejects.toThrow(BackupError);
    await expect(backupDatabase(join(dir, 'missing.db'), join(dir, 'x.db'))).rejects.toThrow(/no database/);
    const path = join(dir, 'bot.db');
    openDatabase(path).close();
    await expect(backupDatabase(path, path)).rejects.toThrow(/must not overwrite/);
    await expect(backupDatabase(path, `${path}-wal`)).rejects.toThrow(/must not overwrite/);
  });

  it('prints its usage without a file', async () => {
    const error = await run(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts'], { cwd: ROOT }).catch((e: unknown) => e);
    expect((error as { code: number }).code).toBe(2);
    expect((error as { stderr: string }).stderr).toContain('usage: npm run backup -- <file>');
  });
});
