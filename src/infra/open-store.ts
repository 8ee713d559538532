/**
 * Opens the store a `DATABASE_URL` names: PostgreSQL for `postgres://` and `postgresql://` URLs (several
 * instances share it), SQLite for `file:` URLs, plain paths and `:memory:` (one process, the default).
 */
import type { Store } from '../core/store/store.js';
import { openSqliteStore, StoreStartError } from './sqlite/open-store.js';
import type { OpenStoreOptions } from './store-options.js';

export { StoreStartError };
// In a module of its own, which the PostgreSQL opener (imported from here on demand) imports too.
export type { OpenStoreOptions } from './store-options.js';

/** Whether a `DATABASE_URL` names a PostgreSQL server. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url.trim());
}

/** Opens, migrates and checks the store; a {@link StoreStartError} says in one sentence why it cannot be used. */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(url)) {
    // Loaded only when used: an SQLite deployment never loads the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres/open-postgres.js');
    return openPostgresStore(url, options);
  }
  return openSqliteStore(url, options);
}
