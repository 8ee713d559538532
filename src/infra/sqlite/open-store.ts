/**
 * Opening the store at start, with a clear sentence for each way it can fail (a damaged or foreign file, a
 * read-only file or directory, a full disk, a lock held by another program) instead of a raw stack.
 */
import { databasePath, openDatabase, SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
import { storeFaultCode } from './write-monitor.js';

/** The database cannot be used; the message says why and what to do, and names the file (never a secret). */
export class StoreStartError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'StoreStartError';
  }
}

/**
 * Opens (creating it and its directory if needed) and migrates the database `url` names, then checks that it
 * can be written: a read-only file opens silently in SQLite and would fail only at the first write.
 */
export function openStore(url: string, options: SqliteStoreOptions = {}): SqliteStore {
  const path = databasePath(url);
  let store: SqliteStore;
  try {
    store = new SqliteStore(openDatabase(url), options);
  } catch (error) {
    const code = errorCode(error);
    throw new StoreStartError(explain(code, path), code);
  }
  const check = store.checkWrite();
  if (!check.ok) {
    store.close();
    throw new StoreStartError(explain(check.reason, path), check.reason);
  }
  return store;
}

function errorCode(error: unknown): string {
  const fault = storeFaultCode(error);
  if (fault) return fault;
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : 'unknown';
}

/** What an error code means for the operator. */
function explain(code: string, path: string): string {
  if (code === 'SQLITE_NOTADB') return `the database ${path} is not an SQLite database (a damaged or foreign file): restore a backup, or point DATABASE_URL at another file`;
  if (code.startsWith('SQLITE_CORRUPT')) return `the database ${path} is corrupt: restore a backup (see Backups in the README)`;
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM')
    return `the database ${path} is read-only for this process: make the file and its directory writable (SQLite also writes ${path}-wal and -shm beside it)`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return `the disk that holds ${path} is full`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return `the database ${path} is locked by another program for more than 5 seconds`;
  if (['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOENT'].includes(code) || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR'))
    return `the database ${path} cannot be created or opened (${code}): check that its directory exists and is writable by this user`;
  return `the database ${path} cannot be opened (${code})`;
}
