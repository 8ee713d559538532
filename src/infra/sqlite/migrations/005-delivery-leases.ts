import type { Migration } from '../migrate.js';

/**
 * Owners and leases. A delivery claim names the process that owns it (`owner`) and until when
 * (`lease_until`, epoch ms): another process takes a claim over only once its lease has expired, so a live
 * owner's posts are never sent twice and a crashed owner's are sent after its lease. Claims stored before this
 * migration have no owner and an expired lease: the next tick takes them over.
 *
 * `leases` holds named leases of the whole process, such as the daily-post schedule (one scheduler per SQLite
 * file); a row is free once `expires_at` has passed. A later shared store (PostgreSQL) keeps the same columns.
 */
export const deliveryLeasesMigration: Migration = {
  version: 5,
  name: 'delivery-leases',
  up: `
    ALTER TABLE deliveries ADD COLUMN owner TEXT;
    ALTER TABLE deliveries ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE leases (
      name TEXT PRIMARY KEY,
      owner TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      acquired_at INTEGER NOT NULL
    ) STRICT;
  `,
};
