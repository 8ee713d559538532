/** Opening the PostgreSQL store at start, with one clear sentence for each way it can fail (never the password). */
import { StoreStartError } from '../sqlite/open-store.js';
import type { OpenStoreOptions } from '../store-options.js';
import { PostgresStore } from './postgres-store.js';

/** The URL without its password, to name the database in messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Connects, migrates (one instance at a time) and checks that the database can be written. */
export async function openPostgresStore(url: string, options: OpenStoreOptions = {}): Promise<PostgresStore> {
  const store = new PostgresStore(url, {
    ...(options.poolSize ? { poolSize: options.poolSize } : {}),
    ...(options.statementTimeoutMs ? { statementTimeoutMs: options.statementTimeoutMs } : {}),
    ...(options.onWriteFailure ? { onWriteFailure: options.onWriteFailure } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  try {
    const applied = await store.migrate();
    if (applied.length > 0) options.logger?.info({ migrations: applied }, 'database migrated');
  } catch (error) {
    await store.close().catch(() => undefined);
    const code = codeOf(error);
    throw new StoreStartError(explain(code, safeUrl(url)), code);
  }
  const check = await store.checkWrite();
  if (!check.ok) {
    await store.close();
    throw new StoreStartError(explain(check.reason, safeUrl(url)), check.reason);
  }
  return store;
}

function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : 'unknown';
}

/** What an error code means for the operator. */
function explain(code: string, where: string): string {
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ETIMEDOUT' || code === 'connection')
    return `the PostgreSQL server at ${where} cannot be reached (${code}): check that it runs and that host and port in DATABASE_URL are right`;
  if (code === '28P01' || code === '28000') return `the PostgreSQL server at ${where} refused the user or password in DATABASE_URL`;
  if (code === '3D000') return `the database named in ${where} does not exist: create it (createdb) or fix DATABASE_URL`;
  if (code === '42501') return `the user in DATABASE_URL may not create tables in ${where}: grant it CREATE on the schema, or run the bot once as the owner`;
  if (code === '25006') return `the PostgreSQL server at ${where} is read-only (a standby?): point DATABASE_URL at the primary`;
  if (code.startsWith('53')) return `the PostgreSQL server at ${where} is out of resources (${code}: disk full, memory, or too many connections)`;
  return `the PostgreSQL database at ${where} cannot be used (${code})`;
}
