/**
 * A consistent copy of the live SQLite database, taken with SQLite's online backup API (better-sqlite3's
 * `db.backup()`): the copy is one snapshot even while the bot writes, and the bot is never blocked for long.
 */
import { existsSync, renameSync, rmSync, statSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

/** Options of {@link backupDatabase}. */
export interface BackupOptions {
  /**
   * Pages copied per step; all in one step by default. A write by another connection between two steps makes
   * SQLite start the copy over, so small steps under steady writes might never finish; one step reads one
   * WAL snapshot and does not block the bot's writes.
   */
  pagesPerStep?: number;
}

/** What a backup wrote. */
export interface BackupResult {
  target: string;
  pages: number;
  bytes: number;
}

/** Thrown for a backup that cannot be made; the message says why. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/**
 * Copies the database at `sourcePath` to `targetPath`. The copy is written beside the target and renamed
 * into place only once complete and checked (`PRAGMA integrity_check`), so a failed backup never leaves a
 * half-written file under the target's name. The copy is a single file (rollback journal, no -wal).
 */
export async function backupDatabase(sourcePath: string, targetPath: string, options: BackupOptions = {}): Promise<BackupResult> {
  if (sourcePath === ':memory:') throw new BackupError('DATABASE_URL is :memory:, there is nothing on disk to back up');
  const source = resolve(sourcePath);
  const target = resolve(targetPath);
  if (!existsSync(source)) throw new BackupError(`no database at ${source} (check DATABASE_URL)`);
  if (target === source || target.startsWith(`${source}-`)) throw new BackupError('the backup must not overwrite the database or its -wal/-shm files');
  mkdirSync(dirname(target), { recursive: true });

  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  // Read-only: the backup never changes the live database (WAL readers need no write access to it).
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const step = options.pagesPerStep ?? 0x7fffffff;
    const meta = await db.backup(partial, { progress: () => step });
    const copy = new Database(partial);
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new BackupError(`the copy failed its integrity check: ${String(check)}`);
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    return { target, pages: meta.totalPages, bytes: statSync(target).size };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}
