/**
 * PostgreSQL for the tests: a fresh database per call on the server the global setup provides. With no server,
 * every PostgreSQL test fails with how to run it — never a silent skip.
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
