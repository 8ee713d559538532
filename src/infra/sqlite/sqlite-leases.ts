import type Database from 'better-sqlite3';
import type { Lease, LeaseRepository } from '../../core/store/leases.js';

/** Named leases in SQLite: one row per lease, changed hands only when expired (or renewed by its owner). */
export class SqliteLeases implements LeaseRepository {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      take: db.prepare(
        `INSERT INTO leases (name, owner, expires_at, acquired_at) VALUES (@name, @owner, @until, @now)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at,
           acquired_at = CASE WHEN leases.owner = excluded.owner THEN leases.acquired_at ELSE excluded.acquired_at END
         WHERE leases.owner = excluded.owner OR leases.expires_at <= @now`,
      ),
      get: db.prepare<[string], { name: string; owner: string; expires_at: number }>('SELECT name, owner, expires_at FROM leases WHERE name = ?'),
      release: db.prepare('UPDATE leases SET expires_at = 0 WHERE name = ? AND owner = ?'),
    };
  }

  acquire(name: string, owner: string, now: number, until: number): Lease {
    // IMMEDIATE: the write lock is taken before reading, so two processes cannot both see the lease free.
    return this.db
      .transaction(() => {
        this.q.take.run({ name, owner, until, now });
        const row = this.q.get.get(name);
        return row ? { name: row.name, owner: row.owner, expiresAt: row.expires_at } : { name, owner, expiresAt: until };
      })
      .immediate();
  }

  release(name: string, owner: string): void {
    this.q.release.run(name, owner);
  }
}
