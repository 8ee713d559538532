/**
 * PostgreSQL for the tests: a fresh database per call on the server the global setup provides, or one database
 * per test file emptied for each test. With no server, every PostgreSQL test fails with how to run it — never a
 * silent skip.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { PostgresStore, type PostgresStoreOptions } from '../../src/infra/postgres/postgres-store.js';

/** What a developer reads when the PostgreSQL tests cannot run. */
export const HOW_TO_RUN_POSTGRES_TESTS = [
  'The PostgreSQL tests need a server. Either:',
  '  - install the server binaries (Debian: apt-get install postgresql); the tests then start a throwaway cluster themselves, or',
  '  - start one with `.ci/postgres-cluster.sh start /tmp/pg` and run `TEST_POSTGRES_URL=<the URL it prints> npx vitest run`.',
].join('\n');

/** The server's URL; throws, saying how to run the tests, when there is none. */
export function postgresServerUrl(): string {
  const provided = inject('postgres');
  if ('url' in provided && provided.url) return provided.url;
  throw new Error(`${HOW_TO_RUN_POSTGRES_TESTS}\n(${'missing' in provided ? provided.missing : 'no URL'})`);
}

/** A new, empty database on the test server; `drop` removes it (close every pool on it first). */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = postgresServerUrl();
  const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A migrated store on a fresh database; closing it drops the database. */
export async function freshPostgresStore(options: PostgresStoreOptions = {}): Promise<PostgresStore & { url: string }> {
  const { url, drop } = await freshDatabase();
  const store = new PostgresStore(url, options);
  await store.migrate();
  const close = store.close.bind(store);
  return Object.assign(store, {
    url,
    close: async () => {
      await close();
      await drop();
    },
  });
}

/** Stores on one database for the tests of a file (see {@link emptiedPostgresStores}). */
export interface EmptiedPostgresStores {
  /** A migrated store with every table empty: the file's database, emptied, or created and migrated at first. */
  open(options?: PostgresStoreOptions): Promise<PostgresStore & { url: string }>;
  /** Drops the database (afterAll; close every store opened first). */
  drop(): Promise<void>;
}

/**
 * Empty migrated stores on one database for the tests of a file: created and migrated at the first `open`,
 * emptied at each next one (every table but the migrations' record, identities restarted). Each test starts
 * from the same empty store as on a fresh database, without paying for creating, migrating and dropping one.
 */
export function emptiedPostgresStores(): EmptiedPostgresStores {
  let database: { url: string; drop: () => Promise<void> } | undefined;
  return {
    async open(options = {}) {
      const fresh = !database;
      database ??= await freshDatabase();
      const store = new PostgresStore(database.url, options);
      if (fresh) await store.migrate();
      else {
        const tables = await store.db.query<{ name: string }>(
          `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`,
        );
        await store.db.query(`TRUNCATE ${tables.rows.map((t) => t.name).join(', ')} RESTART IDENTITY`);
      }
      return Object.assign(store, { url: database.url });
    },
    async drop() {
      await database?.drop();
      database = undefined;
    },
  };
}
