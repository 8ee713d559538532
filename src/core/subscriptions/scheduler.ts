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
}

/** What one tick did. */
export interface TickResult {
  claimed: number;
  resent: number;
  skipped: number;
}

/** The key of a delivery in the send queue. */
export function deliveryKey(address: ChatAddress, localDate: string): string {
  return `${address.platform}:${address.chatId}:${localDate}`;
}

/**
 * Posts the daily post exactly once per chat and local day. Each tick (once a minute in production, by hand
 * in tests) it:
 * 1. re-queues deliveries claimed but never sent (a crash, a restart, a failure), or skips them when they are
 *    older than the catch-up window;
 * 2. claims, for every active chat whose local time reached its post time, the delivery of that local date
 *    (in the zone of the moment), unless that date or a later one already has one, then queues the send.
 * The claim is written before the message is sent and marked sent after, so a crash in between leads to a
 * re-send of that claim, never a second claim.
 */
export class DailyPostScheduler {
  private ticking: Promise<TickResult> | undefined;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Runs one tick (a tick that starts while another runs waits for it and returns its result). */
  tick(): Promise<TickResult> {
    this.ticking ??= Promise.resolve()
      .then(() => this.run())
      .finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private run(): TickResult {
    const { subscriptions, store, logger } = this.deps;
    const now = this.deps.clock.now().getTime();
    const result: TickResult = { claimed: 0, resent: 0, skipped: 0 };
    const catchUpMs = this.deps.catchUpHours * 3_600_000;

    for (const d of subscriptions.listUnsent()) {
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
          return plan ? [{ address: d.sub.address, localDate: d.localDate, dueAt: d.dueAt, plan, status: 'claimed' as const, group: d.sub.group }] : [];
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
    const ok = subscriptions.claim({ address: sub.address, localDate, dueAt, plan: planned.plan, claimedAt: now, shown: planned.shown, resetTracks: planned.resetTracks });
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
      onSent: (messageId) => {
        subscriptions.markSent(d.address, d.localDate, messageId, this.deps.clock.now().getTime());
        this.deps.metrics?.postSent(d.address.platform);
      },
      onUnavailable: () => {
        this.deps.metrics?.postFailed(d.address.platform);
        store.transaction(() => {
          pauseChat(store, d.address);
          subscriptions.markSkipped(d.address, d.localDate, 'chat unavailable');
        });
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
