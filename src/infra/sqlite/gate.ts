/**
 * Asynchronous access to one synchronous SQLite connection. better-sqlite3 answers at once, but the core's
 * ports are asynchronous (a server database answers over the network), and its transactions await in between
 * statements. One connection has one transaction at a time: while one is open, statements from other work
 * wait for it to end (they would otherwise land inside it, and be rolled back with it); statements of the
 * transaction's own work (tracked with AsyncLocalStorage) run at once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';

/** A port's methods as the SQLite classes implement them: the same, answering at once. */
export type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

/** The transaction gate of one connection. */
export class SqliteGate {
  private readonly inside = new AsyncLocalStorage<true>();
  private open: Promise<void> | undefined;

  constructor(private readonly db: Database.Database) {}

  /** Runs `fn` now when no other work's transaction is open, else once it has ended. */
  async run<T>(fn: () => T): Promise<T> {
    if (!this.inside.getStore()) while (this.open) await this.open;
    return fn();
  }

  /** Runs `work` in one transaction (BEGIN … COMMIT, ROLLBACK on a throw); a transaction inside another joins it. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return work();
    while (this.open) await this.open;
    let done!: () => void;
    this.open = new Promise((resolve) => (done = resolve));
    try {
      this.db.exec('BEGIN');
      try {
        const result = await this.inside.run(true, work);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.open = undefined;
      done();
    }
  }

  /** The repository `sync` with every method answering through {@link run}. */
  wrap<T extends object>(sync: Synchronous<T>): T {
    const out: Record<string, unknown> = {};
    const source = sync as unknown as Record<string, unknown>;
    let proto: object | null = Object.getPrototypeOf(sync) as object | null;
    const names = new Set<string>();
    while (proto && proto !== Object.prototype) {
      for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor') names.add(name);
      proto = Object.getPrototypeOf(proto) as object | null;
    }
    for (const name of names) {
      const method = source[name];
      if (typeof method !== 'function') continue;
      out[name] = (...args: unknown[]) => this.run(() => (method as (...a: unknown[]) => unknown).apply(sync, args));
    }
    return out as T;
  }
}
