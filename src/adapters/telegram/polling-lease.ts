/**
 * Long polling is single-instance: Telegram answers a second `getUpdates` caller with 409, and the two would
 * keep taking turns. With a store, the poller holds a lease: a second instance on the same database waits up
 * to one lease length (a crashed poller's lease runs out; a restart of the same deployment starts at once
 * after a graceful stop, which releases it), and refuses clearly when a live poller still holds it.
 */
import type { Clock, Logger } from '../../core/ports.js';
import type { LeaseRepository } from '../../core/store/leases.js';

/** The lease's name. */
export const POLLING_LEASE = 'telegram-polling';
/** How long the lease lasts without renewal; renewed every third of it. */
export const POLLING_LEASE_MS = 30_000;

/** The poller's lease, held and renewed while polling. */
export interface PollingLease {
  /** Stops renewing and frees the lease (a graceful stop). */
  release(): Promise<void>;
}

/** Another instance polls: long polling cannot run twice. */
export class SecondPollerError extends Error {
  constructor(holder: string, until: number) {
    super(
      `another instance (${holder}) is long-polling Telegram with this database until ${new Date(until).toISOString()} at least: ` +
        'long polling is single-instance. Stop it, or run every instance in webhook mode (TELEGRAM_WEBHOOK_URL) behind a load balancer',
    );
    this.name = 'SecondPollerError';
  }
}

/** Takes the polling lease for `owner` (waiting out a dead holder's lease once), or throws {@link SecondPollerError}. */
export async function takePollingLease(
  leases: LeaseRepository,
  owner: string,
  clock: Clock,
  logger: Logger,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  leaseMs = POLLING_LEASE_MS,
): Promise<PollingLease> {
  const now = () => clock.now().getTime();
  let holder = await leases.acquire(POLLING_LEASE, owner, now(), now() + leaseMs);
  if (holder.owner !== owner) {
    logger.warn({ holder: holder.owner, until: new Date(holder.expiresAt).toISOString() }, 'telegram: another instance holds the polling lease; waiting for it to expire');
    await wait(Math.max(0, holder.expiresAt - now()) + 1_000);
    holder = await leases.acquire(POLLING_LEASE, owner, now(), now() + leaseMs);
    if (holder.owner !== owner) throw new SecondPollerError(holder.owner, holder.expiresAt);
  }
  const timer = setInterval(() => {
    leases.acquire(POLLING_LEASE, owner, now(), now() + leaseMs).then(
      (h) => {
        if (h.owner !== owner) logger.error({ holder: h.owner }, 'telegram: another instance took the polling lease; two pollers would conflict (409)');
      },
      (error: unknown) => logger.warn({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'telegram: polling lease not renewed'),
    );
  }, Math.floor(leaseMs / 3));
  timer.unref();
  return {
    release: async () => {
      clearInterval(timer);
      await leases.release(POLLING_LEASE, owner);
    },
  };
}
