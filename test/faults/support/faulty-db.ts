/**
 * Faults of the database, injected where the driver answers: statements that write fail with a real
 * better-sqlite3 error (SQLITE_FULL for a full disk, SQLITE_IOERR…) while a condition holds, as they would
 * on a full or failing disk. Installed before the store is built, so the store watches it like any fault.
 */
import Database from 'better-sqlite3';

/** Which writes fail, and how. */
export interface WriteFault {
  /** The SQLite error code thrown; SQLITE_FULL by default. */
  code?: string;
  /** Only statements whose SQL matches (all writes when absent). */
  match?: RegExp;
  /** Whether the fault holds now (checked at each statement). */
  active: () => boolean;
}

/** Makes the writes of `db` fail as `fault` says; returns how many failed so far. */
export function injectWriteFault(db: Database.Database, fault: WriteFault): { failed: () => number } {
  let failed = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    if (statement.readonly || (fault.match && !fault.match.test(source))) return statement;
    const run = statement.run.bind(statement);
    statement.run = (...args: unknown[]) => {
      if (fault.active()) {
        failed++;
        throw new Database.SqliteError(fault.code === 'SQLITE_FULL' || !fault.code ? 'database or disk is full' : 'disk I/O error', fault.code ?? 'SQLITE_FULL');
      }
      return run(...args);
    };
    return statement;
  }) as typeof db.prepare;
  return { failed: () => failed };
}
