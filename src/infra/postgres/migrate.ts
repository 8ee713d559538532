/**
 * Versioned schema migrations of the PostgreSQL store. Each feature owns its migrations (its own version
 * numbers, recorded in `schema_migrations` under the feature's name); each runs in a transaction together
 * with its record, so a crash leaves a feature at a whole version. Instances that start at the same time take
 * an advisory lock first: one migrates, the others find the work done.
 */
import type { PgDb } from './pg-db.js';

/** One versioned schema change of one feature. */
export interface PgMigration {
  version: number;
  name: string;
  /** SQL run once, in a transaction. */
  up: string;
}

/** A feature's migrations, in order. */
export interface FeatureMigrations {
  feature: string;
  migrations: readonly PgMigration[];
}

/** Any number, the same in every instance: the key of the migration lock. */
const MIGRATION_LOCK = 7_151_202_515;

/** Brings every feature's tables up to its newest migration; returns the migrations applied. */
export async function migrate(db: PgDb, features: readonly FeatureMigrations[]): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction(async () => {
    await db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      feature TEXT NOT NULL,
      version INTEGER NOT NULL,
      name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now(),
      PRIMARY KEY (feature, version)
    )`);
    const done = await db.query<{ feature: string; version: number }>('SELECT feature, version FROM schema_migrations');
    const have = new Set(done.rows.map((r) => `${r.feature}:${r.version}`));
    for (const { feature, migrations } of features)
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (have.has(`${feature}:${m.version}`)) continue;
        // A savepoint per migration: the record and the change land together.
        await db.query(`SAVEPOINT migration`);
        await db.query(m.up);
        await db.query('INSERT INTO schema_migrations (feature, version, name) VALUES ($1, $2, $3)', [feature, m.version, m.name]);
        await db.query(`RELEASE SAVEPOINT migration`);
        applied.push(`${feature} ${m.version} ${m.name}`);
      }
  });
  return applied;
}
