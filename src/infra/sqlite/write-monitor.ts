/**
 * What the SQLite store knows about its own health: whether its last write failed with a fault of the
 * database itself (disk full, read-only file, corrupt pages, I/O error, a lock held too long). A write that
 * succeeds afterwards clears it. This is the half of the health check that a rolled-back probe write cannot
 * see: in WAL mode a small write may fit in pages already allocated, while the writes that matter need more.
 */
import type Database from 'better-sqlite3';

/** Error codes that mean the database, not the statement, is at fault. Constraint and SQL errors are not. */
const STORE_FAULT = /^SQLITE_(FULL|READONLY|IOERR|CORRUPT|NOTADB|CANTOPEN|BUSY|LOCKED|PERM|NOMEM|PROTOCOL|AUTH)/;

/** The SQLite error code of a store fault; undefined for any other error. */
export function storeFaultCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return STORE_FAULT.test(code) ? code : undefined;
}

/** The last store fault seen, cleared by the next successful write. */
export class WriteMonitor {
  private fault: string | undefined;
  // One error is seen by the statement and again by its transaction: it counts once.
  private readonly counted = new WeakSet<object>();

  /** `onWriteFailure` is told the code of every failed write (the metrics count them). */
  constructor(private readonly onWriteFailure?: (code: string) => void) {}

  /** The code of the fault that is still unresolved, if any. */
  get lastFault(): string | undefined {
    return this.fault;
  }

  wrote(): void {
    this.fault = undefined;
  }

  failed(error: unknown, write: boolean): void {
    const code = storeFaultCode(error);
    if (!code) return;
    this.fault = code;
    if (typeof error === 'object' && error !== null) {
      if (this.counted.has(error)) return;
      this.counted.add(error);
    }
    if (write) this.onWriteFailure?.(code);
  }
}

type StatementMethod = 'run' | 'get' | 'all' | 'iterate';
const STATEMENT_METHODS: readonly StatementMethod[] = ['run', 'get', 'all', 'iterate'];

/**
 * Reports every statement, `exec` and transaction of `db` to `monitor` (the connection itself, patched in place,
 * so every repository built on it is watched). A statement that writes and succeeds clears the fault; any
 * statement that fails with a store fault sets it.
 */
export function monitorWrites(db: Database.Database, monitor: WriteMonitor): Database.Database {
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    const write = !statement.readonly;
    for (const method of STATEMENT_METHODS) {
      const original = (statement as unknown as Record<StatementMethod, (...args: unknown[]) => unknown>)[method].bind(statement);
      (statement as unknown as Record<StatementMethod, unknown>)[method] = (...args: unknown[]) => {
        try {
          const result = original(...args);
          if (write) monitor.wrote();
          return result;
        } catch (error) {
          monitor.failed(error, write);
          throw error;
        }
      };
    }
    return statement;
  }) as typeof db.prepare;

  const exec = db.exec.bind(db);
  db.exec = (source: string) => {
    try {
      return exec(source);
    } catch (error) {
      monitor.failed(error, true);
      throw error;
    }
  };

  // A COMMIT that fails (the disk filled up while the transaction ran) surfaces from the transaction function.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const txn = transaction(fn);
    const watch =
      (run: (...args: unknown[]) => unknown) =>
      (...args: unknown[]) => {
        try {
          return run(...args);
        } catch (error) {
          monitor.failed(error, true);
          throw error;
        }
      };
    return Object.assign(watch(txn), {
      default: watch((...args) => txn.default(...args)),
      deferred: watch((...args) => txn.deferred(...args)),
      immediate: watch((...args) => txn.immediate(...args)),
      exclusive: watch((...args) => txn.exclusive(...args)),
    });
  }) as unknown as typeof db.transaction;
  return db;
}
