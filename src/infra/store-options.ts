import type { Logger } from '../core/ports.js';

/** Options of openStore (open-store.ts), for either store. */
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
