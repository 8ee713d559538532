/**
 * One PostgreSQL database as the repositories use it: a pool of connections, and transactions that follow
 * the work that opened them (AsyncLocalStorage), so a repository call made inside `Store.transaction` runs on
 * the transaction's connection and any other call on a pooled one.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/** Error codes that mean the server, not the statement, is at fault (disk full, read-only, gone, timed out). */
const STORE_FAULT = /^(53\d{3}|25006|57P0[1-4]|57014|08\d{3}|58\d{3}|XX\d{3}|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)$/;

/** The code of an error that is a fault of the database server (see {@link STORE_FAULT}); undefined for others. */
export function pgFaultCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (STORE_FAULT.test(code)) return code;
  if (error instanceof Error && /Connection terminated|timeout exceeded when trying to connect/i.test(error.message)) return 'connection';
  return undefined;
}

/** Options of {@link PgDb}. */
export interface PgDbOptions {
  /** Connections in the pool. */
  poolSize: number;
  /** The longest a statement may run before the server cancels it (ms). */
  statementTimeoutMs: number;
  /** Told the code of every failed write that the server caused (the metrics count them). */
  onWriteFailure?: (code: string) => void;
  /** Told errors of idle pooled connections (a server restart), which would otherwise crash the process. */
  onPoolError?: (error: Error) => void;
}

/** BIGINT (epoch ms, ids) read as numbers: every value the bot stores fits in 2^53. */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : (pg.types.getTypeParser(oid, format ?? 'text') as unknown)) as typeof pg.types.getTypeParser,
};

/** A pool with transactions that follow their work, and the last server fault seen. */
export class PgDb {
  readonly pool: pg.Pool;
  private readonly tx = new AsyncLocalStorage<pg.PoolClient>();
  private fault: string | undefined;
  private closed = false;

  constructor(
    url: string,
    private readonly options: PgDbOptions,
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize,
      statement_timeout: options.statementTimeoutMs,
      // A transaction left open by a bug must not hold its locks (claims, timers) for ever.
      idle_in_transaction_session_timeout: Math.max(10_000, options.statementTimeoutMs * 4),
      connectionTimeoutMillis: Math.max(5_000, options.statementTimeoutMs),
      application_name: 'reform-bot',
      types,
    });
    this.pool.on('error', (error) => options.onPoolError?.(error));
  }

  /** The server fault of the last failed statement, cleared by the next write that succeeds. */
  get lastFault(): string | undefined {
    return this.fault;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Runs one statement: on the transaction's connection inside a transaction, else on a pooled one. */
  async query<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    const write = !/^\s*(SELECT|WITH\s[^;]*\bSELECT\b(?![^;]*\b(INSERT|UPDATE|DELETE)\b))/i.test(text);
    try {
      const client = this.tx.getStore();
      const result = client ? await client.query<R>(text, values) : await this.pool.query<R>(text, values);
      if (write) this.fault = undefined;
      return result;
    } catch (error) {
      this.failed(error, write);
      throw error;
    }
  }

  /** Runs `work` in one transaction on one connection; a transaction inside another joins it. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.tx.getStore()) return work();
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      this.failed(error, true);
      throw error;
    }
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await this.tx.run(client, work);
      await client.query('COMMIT');
      this.fault = undefined;
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      this.failed(error, true);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private failed(error: unknown, write: boolean): void {
    const code = pgFaultCode(error);
    if (!code) return;
    this.fault = code;
    if (write) this.options.onWriteFailure?.(code);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
