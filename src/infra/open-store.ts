/**
 * Opens the store a `DATABASE_URL` names: PostgreSQL for `postgres://` and `postgresql://` URLs (several
 * instances share it), SQLite for `file:` URLs, plain paths and `:memory:` (one process, the default).
 */
import type { Store } from '../core/store/store.js';
import type { Logger } from '../core/ports.js';
import { openSqliteStore, StoreStartError } from './sqlite/open-store.js';

export { StoreStartError };

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** Told the error code of every write that failed because of the database (the metrics count them). */
  onWriteFailure?: (code: string) => void;
  /** Where rows that cannot be read back, and pool errors, are reported. */
  logger?: Logger;
  /** PostgreSQL: connections in the pool (DATABASE_POOL_SIZE). */
  poolSize?: number;
  /** PostgreSQL: the longest a statement may run (DATABASE_STATEMENT_TIMEOUT_MS). */
  statementTimeoutMs?: number;
}

/** Whether a `DATABASE_URL` names a PostgreSQL server. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url.trim());
}

/** Opens, migrates and checks the store; a {@link StoreStartError} says in one sentence why it cannot be used. */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(url)) {
    // Loaded only when used: an SQLite deployment never loads the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres/open-postgres.js');
    return openPostgresStore(url, options);
  }
  return openSqliteStore(url, options);
}
