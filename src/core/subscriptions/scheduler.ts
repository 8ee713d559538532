import type { Lang } from '../facts/schema.js';
import type { Metrics } from '../metrics.js';
import type { ChatAddress } from '../messenger.js';
import type { Clock, Logger } from '../ports.js';
import type { Store } from '../store/store.js';
import { pauseChat } from './chat-lifecycle.js';
import { addDays, localDateTime, zonedInstant } from './local-time.js';
import { planKey, type PostComposer } from './post-composer.js';
import type { PostPlan } from './post-plan.js';
import type { SendQueue } from './send-queue.js';
import type { Delivery, Subscription, SubscriptionRepository } from './subscription-repository.js';
import { replyLanguage } from '../chat/reply-language.js';

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
  /**
   * The platforms this process can post to (its messengers). Chats on other platforms are left to an
   * instance that runs them: not claimed, not taken over. Every platform when absent.
   */
  platforms?: () => readonly ChatAddress['platform'][];
  /**
   * At most this many of this process's posts queued at once: a tick claims no more, and leaves the rest to
   * the other instances (or its next tick). With several instances this is what splits the fan-out between
   * them. No limit when absent (one process per database).
   */
  claimAhead?: number;
}

/** What one tick did. */
export interface TickResult {
  claimed: number;
  /** Claims sent again: this process's own that failed before, and others' whose lease had expired. */
  resent: number;
  skipped: number;
  /** Another process holds the schedule: this one did nothing. */
  standby?: boolean;
  /** The tick stopped at the claim-ahead limit with posts still due: tick again once the queue has room. */
  full?: boolean;
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
  /**
   * Until when this process holds each of its claims (by delivery key), as last claimed or renewed. Per claim:
   * another instance may take one claim over (its lease ran out while this one was busy) and not the others,
   * and this process must then stop sending that one.
   */
  private readonly held = new Map<string, number>();
  private current: SchedulerState = 'starting';

  constructor(private readonly deps: SchedulerDeps) {}

  /** The claim-ahead limit, if any (see {@link SchedulerDeps.claimAhead}). */
  get claimAhead(): number | undefined {
    return this.deps.claimAhead;
  }

  /** Where the scheduler stands (for health checks). */
  get state(): SchedulerState {
    return this.current;
  }

  private get leaseMs(): number {
    return this.deps.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** Whether this process still holds its claims, with a margin for the time a send takes. */
  private leaseHeld(key: string): boolean {
    return this.deps.clock.now().getTime() < (this.held.get(key) ?? 0) - Math.min(10_000, this.leaseMs / 3);
  }

  /**
   * Gives up the schedule and this process's unsent claims at once (a graceful stop), so that the next process
   * (a restart, a successor in a rolling deploy) takes them over at its first tick instead of after the lease.
   */
  release(): Promise<void> {
    const { store, subscriptions, owner } = this.deps;
    this.held.clear();
    return store.transaction(async () => {
      await subscriptions.releaseClaims(owner);
      if (this.deps.exclusive ?? true) await store.leases.release(SCHEDULE_LEASE, owner);
    });
  }

  /** Runs one tick (a tick that starts while another runs waits for it and returns its result). */
  tick(): Promise<TickResult> {
    this.ticking ??= Promise.resolve()
      .then(() => this.run())
      .finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async run(): Promise<TickResult> {
    const { subscriptions, store, logger, owner } = this.deps;
    const now = this.deps.clock.now().getTime();
    const result: TickResult = { claimed: 0, resent: 0, skipped: 0 };
    const catchUpMs = this.deps.catchUpHours * 3_600_000;
    const leaseUntil = now + this.leaseMs;

    if (this.deps.exclusive ?? true) {
      const holder = await store.leases.acquire(SCHEDULE_LEASE, owner, now, leaseUntil);
      if (holder.owner !== owner) {
        if (this.current !== 'standby')
          logger.warn(
            { holder: holder.owner, leaseUntil: new Date(holder.expiresAt).toISOString() },
            'daily posts: another instance runs the schedule on this database; standing by until its lease expires',
          );
        this.current = 'standby';
        this.held.clear();
        return { ...result, standby: true };
      }
      if (this.current === 'standby') logger.info({ owner }, 'daily posts: the schedule is this instance\'s now');
    }
    this.current = 'active';

    // Renews this process's claims and takes over expired ones, in one step; only then may the queue send.
    const platforms = this.deps.platforms?.();
    // A post sent and recorded while this read is under way still reads as unsent: the mark tells it apart.
    const mark = this.deps.queue.mark();
    const held = await subscriptions.leaseClaims(owner, now, leaseUntil, platforms);
    // What this process holds now: a claim another instance took over is no longer sent from here.
    this.held.clear();
    for (const d of held) this.held.set(deliveryKey(d.address, d.localDate), d.leaseUntil);
    for (const d of held) {
      const key = deliveryKey(d.address, d.localDate);
      if (this.deps.queue.has(key) || this.deps.queue.finishedSince(key, mark)) continue;
      if (now - d.dueAt > catchUpMs) {
        await subscriptions.markSkipped(d.address, d.localDate, 'too late');
        result.skipped++;
        continue;
      }
      this.enqueue(d);
      result.resent++;
    }

    const due: { sub: Subscription; localDate: string; dueAt: number }[] = [];
    const localCache = new Map<string, string>();
    const instantCache = new Map<string, number>();
    for (const sub of await subscriptions.listActive()) {
      if (platforms && !platforms.includes(sub.address.platform)) continue;
      let today = localCache.get(sub.timeZone);
      if (!today) {
        today = localDateTime(now, sub.timeZone).date;
        localCache.set(sub.timeZone, today);
      }
      // Yesterday too: a late post time missed by downtime across midnight is still within the catch-up window.
      for (const localDate of [addDays(today, -1), today]) {
        if (localDate < sub.startDate || (sub.lastLocalDate !== undefined && sub.lastLocalDate >= localDate)) continue;
        // Most chats share a zone and a time: each instant is computed once per tick.
        const instantKey = `${localDate} ${sub.postMinutes} ${sub.timeZone}`;
        let dueAt = instantCache.get(instantKey);
        if (dueAt === undefined) instantCache.set(instantKey, (dueAt = zonedInstant(localDate, sub.postMinutes, sub.timeZone)));
        if (now < dueAt) continue;
        // A post time moved into the past by a settings change counts from the change, so the day is not lost.
        const late = now - Math.max(dueAt, localDate === today ? sub.changedAt : 0);
        if (late > catchUpMs) continue;
        due.push({ sub, localDate, dueAt });
      }
    }

    const batch = this.deps.batchSize ?? 500;
    const ahead = this.deps.claimAhead;
    for (let i = 0; i < due.length; ) {
      const room = ahead === undefined ? batch : Math.min(batch, ahead - this.deps.queue.size);
      if (room <= 0) {
        result.full = true;
        break;
      }
      const slice = due.slice(i, i + room);
      i += slice.length;
      // Each batch's claims are leased from when they are written: a long fan-out's last batch is not born stale.
      const batchLease = this.deps.clock.now().getTime() + this.leaseMs;
      const claimed = await store.transaction(async () => {
        // Rows another instance is claiming right now are skipped: it posts them, this one the rest.
        const locked = new Set((await subscriptions.lockDue(slice.map((d) => ({ address: d.sub.address, localDate: d.localDate })))).map(addressKey));
        const out: Delivery[] = [];
        for (const d of slice) {
          if (!locked.has(addressKey(d.sub.address))) continue;
          const plan = await this.claim(d.sub, d.localDate, d.dueAt, now, batchLease);
          if (plan) out.push({ address: d.sub.address, localDate: d.localDate, dueAt: d.dueAt, plan, status: 'claimed', group: d.sub.group, owner, leaseUntil: batchLease });
        }
        return out;
      });
      for (const d of claimed) {
        this.enqueue(d);
        result.claimed++;
      }
    }
    if (result.claimed || result.resent || result.skipped) logger.info({ ...result }, 'daily posts: tick');
    return result;
  }

  private async claim(sub: Subscription, localDate: string, dueAt: number, now: number, leaseUntil: number): Promise<PostPlan | undefined> {
    const { subscriptions, composer } = this.deps;
    const recent = (await subscriptions.recent(sub.address, 7)).map((d) => d.plan);
    const planned = composer.plan(localDate, {
      seed: `${sub.address.platform}:${sub.address.chatId}`,
      recent,
      shown: { fact: await subscriptions.shown(sub.address, 'fact'), question: await subscriptions.shown(sub.address, 'question') },
    });
    const ok = await subscriptions.claim({
      address: sub.address,
      localDate,
      dueAt,
      plan: planned.plan,
      claimedAt: now,
      owner: this.deps.owner,
      leaseUntil,
      shown: planned.shown,
      resetTracks: planned.resetTracks,
    });
    if (!ok) return undefined;
    this.deps.logger.debug({ chatId: sub.address.chatId, localDate, plan: planKey(planned.plan) }, 'daily post claimed');
    return planned.plan;
  }

  private enqueue(d: Delivery): void {
    const { subscriptions, store, composer, logger } = this.deps;
    const key = deliveryKey(d.address, d.localDate);
    this.held.set(key, d.leaseUntil);
    this.deps.queue.enqueue({
      key,
      address: d.address,
      group: d.group,
      reply: async () => composer.render(d.plan, d.localDate, await chatLang(store, d.address)),
      leaseHeld: () => this.leaseHeld(key),
      // The writes below may throw (the store cannot write): the queue retries them, never the send.
      onSent: async (messageId) => {
        await subscriptions.markSent(d.address, d.localDate, messageId, this.deps.clock.now().getTime());
        this.deps.metrics?.postSent(d.address.platform);
      },
      onUnavailable: async () => {
        await store.transaction(async () => {
          await pauseChat(store, d.address);
          await subscriptions.markSkipped(d.address, d.localDate, 'chat unavailable');
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

/** The language of a daily post: a message for the whole chat, by the one rule (no member caused it). */
export async function chatLang(store: Store, address: ChatAddress): Promise<Lang> {
  return replyLanguage('chat', { chatLang: (await store.chats.get(address))?.lang });
}

function addressKey(address: ChatAddress): string {
  return `${address.platform}:${address.chatId}`;
}
