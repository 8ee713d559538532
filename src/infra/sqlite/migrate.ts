import type Database from 'better-sqlite3';

/** One versioned schema change. */
export interface Migration {
  version: number;
  name: string;
  /** SQL run once, in a transaction, when the database is older than `version`. */
  up: string;
}

/**
 * Brings the database up to the newest migration. Each migration runs in its own transaction together with
 * the bump of `user_version`, so a crash leaves the database at a whole version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  let current = db.pragma('user_version', { simple: true }) as number;
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => m.version > current);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
    current = m.version;
  }
  return current;
}
