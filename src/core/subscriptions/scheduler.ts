import type { Lang } from '../facts/schema.js';
import type { Metrics } from '../metrics.js';
import type { ChatAddress } from '../messenger.js';
import type { Clock, Logger } from '../ports.js';
import type { Store } from '../store/store.js';
import { pauseChat } from './chat-lifecycle.js';
import { addDays, localDateTime, zonedInstant } from './local-time.js';
import { planKey, type PostComposer, type PostPlan } from './post-composer.js';
import type { SendQueue } from './send-queue.js';
import type { Delivery, Subscription, SubscriptionRepository } from './subscription-repository.js';

/** Dependencies of the {@link DailyPostScheduler}. */
export interface SchedulerDeps {
  store: Store;
  subscriptions: SubscriptionRepository;
  composer: PostComposer;
  queue: SendQueue;
  clock: Clock;
  logger: Logger;
  /** A post missed by downtime is still sent up to this many hours late; older ones are skipped. */
  catchUpHours: number;
  /** Claims written per transaction. */
  batchSize?: number;
  /** Counts posts sent and given up. */
  metrics?: Metrics;
  /** This process's id: its claims and the schedule lease carry it. */
  owner: string;
  /** How long a claim (and the schedule) stays this process's without renewal; every tick renews. 90 s by default. */
  leaseMs?: number;
  /**
   * One scheduler at a time (the embedded database): the process that holds the schedule lease ticks, any
   * other stands by and takes over once that lease expires or is released. Off, every process claims its
   * share (a shared server database); the claim leases keep each post to one sender either way.
   */
  exclusive?: boolean;
}

/** What one tick did. */
export interface TickResult {
  claimed: number;
  /** Claims sent again: this process's own that failed before, and others' whose lease had expired. */
  resent: number;
  skipped: number;
  /** Another process holds the schedule: this one did nothing. */
  standby?: boolean;
}

/** Where the scheduler stands: not ticked yet, running the schedule, or waiting for another process's lease. */
export type SchedulerState = 'starting' | 'active' | 'standby';

/** The name of the schedule's lease. */
export const SCHEDULE_LEASE = 'daily-posts';
/** Default length of a lease: a tick (each minute) renews it well before it runs out. */
export const DEFAULT_LEASE_MS = 90_000;

/** The key of a delivery in the send queue. */
export function deliveryKey(address: ChatAddress, localDate: string): string {
  return `${address.platform}:${address.chatId}:${localDate}`;
}

/**
 * Posts the daily post exactly once per chat and local day. Each tick (once a minute in production, by hand
 * in tests) it:
 * 0. takes or renews the schedule lease when `exclusive`; while another live process holds it, stands by;
 * 1. renews the leases of its own unsent claims and takes over the claims whose lease expired (a crashed or
 *    stopped process), re-queuing those not queued yet, or skips them when older than the catch-up window;
 * 2. claims, for every active chat whose local time reached its post time, the delivery of that local date
 *    (in the zone of the moment), unless that date or a later one already has one, then queues the send.
 * The claim is written before the message is sent and marked sent after, so a crash in between leads to a
 * re-send of that claim (after its lease), never a second claim. A claim whose lease ran out here (the store
 * could not renew it) is not sent by this process any more: it may be another's by then.
 */
export class DailyPostScheduler {
  private ticking: Promise<TickResult> | undefined;
  /** Until when this process holds its claims (and the schedule), as last renewed. */
  private heldUntil = 0;
  private current: SchedulerState = 'starting';

  constructor(private readonly deps: SchedulerDeps) {}

  /** Where the scheduler stands (for health checks). */
  get state(): SchedulerState {
    return this.current;
  }

  private get leaseMs(): number {
    return this.deps.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** Whether this process still holds its claims, with a margin for the time a send takes. */
  private leaseHeld(): boolean {
    return this.deps.clock.now().getTime() < this.heldUntil - Math.min(10_000, this.leaseMs / 3);
  }

  /**
   * Gives up the schedule and this process's unsent claims at once (a graceful stop), so that the next process
   * (a restart, a successor in a rolling deploy) takes them over at its first tick instead of after the lease.
   */
  release(): void {
    const { store, subscriptions, owner } = this.deps;
    this.heldUntil = 0;
    store.transaction(() => {
      subscriptions.releaseClaims(owner);
      if (this.deps.exclusive ?? true) store.leases.release(SCHEDULE_LEASE, owner);
    });
  }

  /** Runs one tick (a tick that starts while another runs waits for it and returns its result). */
  tick(): Promise<TickResult> {
    this.ticking ??= Promise.resolve()
      .then(() => this.run())
      .finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private run(): TickResult {
    const { subscriptions, store, logger, owner } = this.deps;
    const now = this.deps.clock.now().getTime();
    const result: TickResult = { claimed: 0, resent: 0, skipped: 0 };
    const catchUpMs = this.deps.catchUpHours * 3_600_000;
    const leaseUntil = now + this.leaseMs;

    if (this.deps.exclusive ?? true) {
      const holder = store.leases.acquire(SCHEDULE_LEASE, owner, now, leaseUntil);
      if (holder.owner !== owner) {
        if (this.current !== 'standby')
          logger.warn(
            { holder: holder.owner, leaseUntil: new Date(holder.expiresAt).toISOString() },
            'daily posts: another instance runs the schedule on this database; standing by until its lease expires',
          );
        this.current = 'standby';
        this.heldUntil = 0;
        return { ...result, standby: true };
      }
      if (this.current === 'standby') logger.info({ owner }, 'daily posts: the schedule is this instance\'s now');
    }
    this.current = 'active';

    // Renews this process's claims and takes over expired ones, in one step; only then may the queue send.
    const held = subscriptions.leaseClaims(owner, now, leaseUntil);
    this.heldUntil = leaseUntil;
    for (const d of held) {
      if (this.deps.queue.has(deliveryKey(d.address, d.localDate))) continue;
      if (now - d.dueAt > catchUpMs) {
        subscriptions.markSkipped(d.address, d.localDate, 'too late');
        result.skipped++;
        continue;
      }
      this.enqueue(d);
      result.resent++;
    }

    const due: { sub: Subscription; localDate: string; dueAt: number }[] = [];
    const localCache = new Map<string, string>();
    for (const sub of subscriptions.listActive()) {
      let today = localCache.get(sub.timeZone);
      if (!today) {
        today = localDateTime(now, sub.timeZone).date;
        localCache.set(sub.timeZone, today);
      }
      // Yesterday too: a late post time missed by downtime across midnight is still within the catch-up window.
      for (const localDate of [addDays(today, -1), today]) {
        if (localDate < sub.startDate || (sub.lastLocalDate !== undefined && sub.lastLocalDate >= localDate)) continue;
        const dueAt = zonedInstant(localDate, sub.postMinutes, sub.timeZone);
        if (now < dueAt) continue;
        // A post time moved into the past by a settings change counts from the change, so the day is not lost.
        const late = now - Math.max(dueAt, localDate === today ? sub.changedAt : 0);
        if (late > catchUpMs) continue;
        due.push({ sub, localDate, dueAt });
      }
    }

    const batch = this.deps.batchSize ?? 500;
    for (let i = 0; i < due.length; i += batch) {
      const claimed = store.transaction(() =>
        due.slice(i, i + batch).flatMap((d) => {
          const plan = this.claim(d.sub, d.localDate, d.dueAt, now);
          return plan
            ? [{ address: d.sub.address, localDate: d.localDate, dueAt: d.dueAt, plan, status: 'claimed' as const, group: d.sub.group, owner, leaseUntil }]
            : [];
        }),
      );
      for (const d of claimed) {
        this.enqueue(d);
        result.claimed++;
      }
    }
    if (result.claimed || result.resent || result.skipped) logger.info({ ...result }, 'daily posts: tick');
    return result;
  }

  private claim(sub: Subscription, localDate: string, dueAt: number, now: number): PostPlan | undefined {
    const { subscriptions, composer } = this.deps;
    const recent = subscriptions.recent(sub.address, 7).map((d) => d.plan);
    const planned = composer.plan(localDate, {
      seed: `${sub.address.platform}:${sub.address.chatId}`,
      recent,
      shown: { fact: subscriptions.shown(sub.address, 'fact'), question: subscriptions.shown(sub.address, 'question') },
    });
    const ok = subscriptions.claim({
      address: sub.address,
      localDate,
      dueAt,
      plan: planned.plan,
      claimedAt: now,
      owner: this.deps.owner,
      leaseUntil: this.heldUntil,
      shown: planned.shown,
      resetTracks: planned.resetTracks,
    });
    if (!ok) return undefined;
    this.deps.logger.debug({ chatId: sub.address.chatId, localDate, plan: planKey(planned.plan) }, 'daily post claimed');
    return planned.plan;
  }

  private enqueue(d: Delivery): void {
    const { subscriptions, store, composer, logger } = this.deps;
    this.deps.queue.enqueue({
      key: deliveryKey(d.address, d.localDate),
      address: d.address,
      group: d.group,
      reply: () => composer.render(d.plan, d.localDate, chatLang(store, d.address)),
      leaseHeld: () => this.leaseHeld(),
      // The writes below may throw (the store cannot write): the queue retries them, never the send.
      onSent: (messageId) => {
        subscriptions.markSent(d.address, d.localDate, messageId, this.deps.clock.now().getTime());
        this.deps.metrics?.postSent(d.address.platform);
      },
      onUnavailable: () => {
        store.transaction(() => {
          pauseChat(store, d.address);
          subscriptions.markSkipped(d.address, d.localDate, 'chat unavailable');
        });
        this.deps.metrics?.postFailed(d.address.platform);
      },
      onGiveUp: () => {
        this.deps.metrics?.error('post');
        logger.warn({ chatId: d.address.chatId, localDate: d.localDate }, 'daily post not sent yet: retried at the next tick');
      },
    });
  }
}

/** The language posts to a chat use: the chat's setting, else English. */
export function chatLang(store: Store, address: ChatAddress): Lang {
  return store.chats.get(address)?.lang ?? 'en';
}
