import type { ChatReply } from '../chat/chat-service.js';
import { ChatUnavailableError, RateLimitedError, type ChatAddress, type Messenger } from '../messenger.js';
import type { Logger } from '../ports.js';

/** Waiting, injected so that tests move a fake clock instead of sleeping. */
export interface Timer {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** One message to post. */
export interface SendJob {
  /** Unique while queued (a delivery's chat and date): enqueuing the same key twice queues it once. */
  key: string;
  address: ChatAddress;
  /** A group chat (Telegram allows about 20 messages a minute there). */
  group: boolean;
  /** Builds the message when its turn comes (the chat's language may have changed meanwhile). */
  reply: () => ChatReply;
  onSent(messageId: string): void;
  /** The chat blocked or removed the bot. */
  onUnavailable(error: ChatUnavailableError): void;
  /** Given up for now after transient failures; the claim stays, so a later tick tries again. */
  onGiveUp?(error: unknown): void;
}

/** Send rates of one platform. */
export interface PlatformRate {
  /** Messages per second, overall. */
  perSecond: number;
  /** Messages per minute to one group chat. */
  perGroupPerMinute?: number;
}

/** Options of {@link SendQueue}. */
export interface SendQueueOptions {
  messenger: Messenger;
  timer: Timer;
  logger: Logger;
  /** Rates by platform; a platform not listed is not throttled here (Discord: discord.js follows the headers). */
  rates: Partial<Record<ChatAddress['platform'], PlatformRate>>;
  /** Messages in flight at once. */
  concurrency?: number;
  /** Attempts after a transient error (network, 5xx) before giving up until the next tick. */
  maxAttempts?: number;
  /** 429s in a row for one message before giving up until the next tick. */
  maxRateLimitRetries?: number;
}

interface Queued {
  job: SendJob;
  attempts: number;
  rateLimited: number;
}

/**
 * A fan-out queue: paces messages per platform (Telegram: about 30 a second overall, 20 a minute per group),
 * waits out `retry_after` when a platform answers 429, and reports a chat that blocked the bot instead of
 * retrying it for ever.
 */
export class SendQueue {
  private readonly pending: Queued[] = [];
  private readonly keys = new Set<string>();
  private readonly nextSlot = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly groupWindows = new Map<string, number[]>();
  private running = 0;
  private stopped = false;
  private idle: (() => void)[] = [];
  readonly stats = { sent: 0, rateLimited: 0, unavailable: 0, failed: 0 };

  constructor(private readonly options: SendQueueOptions) {}

  /** Whether a job with this key is queued or being sent. */
  has(key: string): boolean {
    return this.keys.has(key);
  }

  get size(): number {
    return this.keys.size;
  }

  /** Queues a job (once per key) and starts workers as needed. */
  enqueue(job: SendJob): void {
    if (this.stopped || this.keys.has(job.key)) return;
    this.keys.add(job.key);
    this.pending.push({ job, attempts: 0, rateLimited: 0 });
    this.pump();
  }

  /** Resolves when nothing is queued or in flight. */
  drain(): Promise<void> {
    if (this.keys.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /**
   * Stops: queued jobs are dropped (their deliveries stay claimed and are sent after the restart), messages in
   * flight finish.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const q of this.pending.splice(0)) this.keys.delete(q.job.key);
    if (this.running > 0) await this.drain();
    else this.settle();
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 8;
    while (!this.stopped && this.running < limit && this.pending.length > 0) {
      const next = this.pending.shift();
      if (!next) break;
      this.running++;
      void this.work(next).finally(() => {
        this.running--;
        this.pump();
        this.settle();
      });
    }
  }

  private settle(): void {
    if (this.running === 0 && (this.pending.length === 0 || this.stopped)) {
      for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  private async work(q: Queued): Promise<void> {
    const { job } = q;
    const { logger } = this.options;
    let requeued = false;
    try {
      if (!(await this.acquire(job))) return;
      const sent = await this.options.messenger.send(job.address, job.reply());
      this.stats.sent++;
      this.keys.delete(job.key);
      job.onSent(sent.messageId);
    } catch (error) {
      if (error instanceof ChatUnavailableError) {
        this.stats.unavailable++;
        this.keys.delete(job.key);
        logger.info({ platform: job.address.platform, chatId: job.address.chatId }, 'chat unavailable: pausing its daily posts');
        job.onUnavailable(error);
        return;
      }
      if (error instanceof RateLimitedError) {
        this.stats.rateLimited++;
        const platform = job.address.platform;
        const until = this.options.timer.now() + error.retryAfterMs;
        this.pausedUntil.set(platform, Math.max(this.pausedUntil.get(platform) ?? 0, until));
        logger.warn({ platform, retryAfterMs: error.retryAfterMs }, 'rate limited: waiting before the next message');
        if (++q.rateLimited <= (this.options.maxRateLimitRetries ?? 5) && !this.stopped) {
          this.pending.unshift(q);
          requeued = true;
          return;
        }
      } else if (++q.attempts < (this.options.maxAttempts ?? 3) && !this.stopped) {
        logger.warn({ platform: job.address.platform, chatId: job.address.chatId, attempt: q.attempts, err: errorText(error) }, 'send failed: retrying');
        await this.options.timer.sleep(1000 * 2 ** (q.attempts - 1));
        if (!this.stopped) {
          this.pending.push(q);
          requeued = true;
          return;
        }
      }
      this.stats.failed++;
      logger.error({ platform: job.address.platform, chatId: job.address.chatId, err: errorText(error) }, 'send failed: giving up until the next tick');
      job.onGiveUp?.(error);
    } finally {
      if (!requeued) this.keys.delete(job.key);
    }
  }

  /**
   * Waits for this message's turn: a 429 pause, the group's per-minute limit, then the platform's pace (the
   * slot is reserved before waiting, so concurrent workers never share one). False when stopped meanwhile.
   */
  private async acquire(job: SendJob): Promise<boolean> {
    const { timer } = this.options;
    const platform = job.address.platform;
    const rate = this.options.rates[platform];
    const groupKey = rate?.perGroupPerMinute && job.group ? `${platform}:${job.address.chatId}` : undefined;
    for (;;) {
      if (this.stopped) return false;
      const now = timer.now();
      let wait = this.pausedUntil.get(platform) ?? 0;
      if (groupKey && rate?.perGroupPerMinute) {
        const window = (this.groupWindows.get(groupKey) ?? []).filter((t) => t > now - 60_000);
        this.groupWindows.set(groupKey, window);
        const oldest = window[0];
        if (window.length >= rate.perGroupPerMinute && oldest !== undefined) wait = Math.max(wait, oldest + 60_000);
      }
      if (wait > now) {
        await timer.sleep(wait - now);
        continue;
      }
      if (rate) {
        const slot = Math.max(now, this.nextSlot.get(platform) ?? 0);
        this.nextSlot.set(platform, slot + 1000 / rate.perSecond);
        if (slot > now) await timer.sleep(slot - now);
        if (this.stopped) return false;
        // A 429 that arrived while waiting moves this message behind the pause.
        if ((this.pausedUntil.get(platform) ?? 0) > timer.now()) continue;
      }
      if (groupKey) this.groupWindows.get(groupKey)?.push(timer.now());
      return true;
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
