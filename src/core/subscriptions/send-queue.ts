import type { ChatReply } from '../chat/chat-service.js';
import { ChatUnavailableError, RateLimitedError, type ChatAddress, type Messenger } from '../messenger.js';
import type { Logger } from '../ports.js';
import { MemorySendPace, type SendPaceRepository } from './send-pace.js';

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
  reply: () => ChatReply | Promise<ChatReply>;
  /**
   * Records that the message went out. It may throw (the store cannot write): the queue then keeps the outcome
   * and retries this, never the send.
   */
  onSent(messageId: string): void | Promise<void>;
  /** Records that the chat blocked or removed the bot; retried like {@link SendJob.onSent}. */
  onUnavailable(error: ChatUnavailableError): void | Promise<void>;
  /** Given up for now after transient failures; the claim stays, so a later tick tries again. */
  onGiveUp?(error: unknown): void;
  /**
   * Whether this process may still send the job (it holds the claim's lease), asked just before sending; when
   * not, the job is dropped unsent and its claim waits for whoever holds it.
   */
  leaseHeld?(): boolean;
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
  /** Messages in flight at once; 3 by default (grammY's advice for broadcasts: very few in parallel). */
  concurrency?: number;
  /** Attempts after a transient error (network, 5xx) before giving up until the next tick. */
  maxAttempts?: number;
  /** 429s in a row for one message before giving up until the next tick. */
  maxRateLimitRetries?: number;
  /** Waits between attempts to record a sent message while the store fails: the first, and the longest. */
  recordRetryMs?: { first: number; max: number };
  /** Where the platforms' slots are reserved: shared by every instance on a server database; this process's memory by default. */
  pace?: SendPaceRepository;
}

interface Queued {
  job: SendJob;
  attempts: number;
  rateLimited: number;
}

/** What one attempt at a job came to: the write that records it, or nothing to record. */
type Attempt = { record: () => void | Promise<void> } | 'requeued' | 'dropped';

/**
 * A fan-out queue: paces messages per platform (Telegram: about 30 a second overall, 20 a minute per group),
 * waits out `retry_after` when a platform answers 429, and reports a chat that blocked the bot instead of
 * retrying it for ever.
 *
 * Sending and recording are separate steps: once a platform has accepted a message, the outcome is kept in
 * memory and only its record is retried, so a store that cannot write makes a post late, never doubled.
 * While a record fails, no new message starts (the fan-out stalls, and {@link SendQueue.recording} says so)
 * until the store writes again.
 */
export class SendQueue {
  private readonly pending: Queued[] = [];
  private readonly keys = new Set<string>();
  private readonly pace: SendPaceRepository;
  private readonly pausedUntil = new Map<string, number>();
  private readonly groupWindows = new Map<string, number[]>();
  private running = 0;
  private stopped = false;
  private idle: (() => void)[] = [];
  private recordFailing = false;
  /** `stats.dropped` when the last "claims not held" line was logged (see attempt). */
  private droppedLogged = 0;
  /** Wakes the workers that wait for the store (or for a pause) when it recovers or the queue stops. */
  private readonly wake = new Set<() => void>();
  readonly stats = { sent: 0, rateLimited: 0, unavailable: 0, failed: 0, recordFailed: 0, dropped: 0 };
  /** Jobs whose outcome was sent and recorded, by key: the sequence number it finished with. */
  private readonly finished = new Map<string, number>();
  private finishSeq = 0;
  private lastMark = 0;

  constructor(private readonly options: SendQueueOptions) {
    this.pace = options.pace ?? new MemorySendPace();
  }

  /** Whether a job with this key is queued, being sent, or sent and waiting to be recorded. */
  has(key: string): boolean {
    return this.keys.has(key);
  }

  get size(): number {
    return this.keys.size;
  }

  /** 'failing' while a sent message cannot be recorded (the fan-out is stalled meanwhile). */
  get recording(): 'ok' | 'failing' {
    return this.recordFailing ? 'failing' : 'ok';
  }

  /** Queues a job (once per key) and starts workers as needed. */
  enqueue(job: SendJob): void {
    if (this.stopped || this.keys.has(job.key)) return;
    this.keys.add(job.key);
    this.pending.push({ job, attempts: 0, rateLimited: 0 });
    this.pump();
  }

  /** Resolves when nothing is queued, in flight or waiting to be recorded. */
  drain(): Promise<void> {
    if (this.keys.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /**
   * Stops: queued jobs are dropped (their deliveries stay claimed and are sent after the restart), messages in
   * flight finish, and an outcome still unrecorded gets one last attempt.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const q of this.pending.splice(0)) this.keys.delete(q.job.key);
    this.wakeAll();
    if (this.running > 0) await this.drain();
    else this.settle();
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 3;
    while (!this.stopped && !this.recordFailing && this.running < limit && this.pending.length > 0) {
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
    const outcome = await this.attempt(q);
    if (typeof outcome === 'object') {
      await this.record(q.job, outcome.record);
      this.finished.set(q.job.key, ++this.finishSeq);
    }
    if (outcome !== 'requeued') this.keys.delete(q.job.key);
  }

  /**
   * A mark to pass to {@link finishedSince}: taken before reading which deliveries are still unsent, so that
   * one finished while that read was under way (the store answers later) is not queued again.
   */
  mark(): number {
    // What finished before the previous mark cannot be in a read that starts now: forget it.
    for (const [key, seq] of this.finished) if (seq <= this.lastMark) this.finished.delete(key);
    this.lastMark = this.finishSeq;
    return this.finishSeq;
  }

  /** Whether the job with this key was sent and recorded after `mark`. */
  finishedSince(key: string, mark: number): boolean {
    return (this.finished.get(key) ?? 0) > mark;
  }

  /** Sends the job once (after its turn comes), and says what is left to record. */
  private async attempt(q: Queued): Promise<Attempt> {
    const { job } = q;
    const { logger } = this.options;
    if (!(await this.acquire(job))) return 'dropped';
    if (job.leaseHeld && !job.leaseHeld()) {
      // Logged once per stretch: a stalled fan-out of thousands would otherwise log a line per chat.
      if (this.stats.dropped++ === this.droppedLogged)
        logger.warn({ platform: job.address.platform }, 'daily posts not sent: this instance no longer holds their claims (the store could not renew them); they wait for the next tick');
      return 'dropped';
    }
    this.droppedLogged = this.stats.dropped;
    let messageId: string;
    try {
      messageId = (await this.options.messenger.send(job.address, await job.reply())).messageId;
    } catch (error) {
      return this.failed(q, error);
    }
    this.stats.sent++;
    return { record: () => job.onSent(messageId) };
  }

  private async failed(q: Queued, error: unknown): Promise<Attempt> {
    const { job } = q;
    const { logger } = this.options;
    if (error instanceof ChatUnavailableError) {
      this.stats.unavailable++;
      logger.info({ platform: job.address.platform, chatId: job.address.chatId }, 'chat unavailable: pausing its daily posts');
      return { record: () => job.onUnavailable(error) };
    }
    if (error instanceof RateLimitedError) {
      this.stats.rateLimited++;
      const platform = job.address.platform;
      const until = this.options.timer.now() + error.retryAfterMs;
      this.pausedUntil.set(platform, Math.max(this.pausedUntil.get(platform) ?? 0, until));
      logger.warn({ platform, retryAfterMs: error.retryAfterMs }, 'rate limited: waiting before the next message');
      if (++q.rateLimited <= (this.options.maxRateLimitRetries ?? 5) && !this.stopped) {
        this.pending.unshift(q);
        return 'requeued';
      }
    } else if (++q.attempts < (this.options.maxAttempts ?? 3) && !this.stopped) {
      logger.warn({ platform: job.address.platform, chatId: job.address.chatId, attempt: q.attempts, err: errorText(error) }, 'send failed: retrying');
      await this.options.timer.sleep(1000 * 2 ** (q.attempts - 1));
      if (!this.stopped) {
        this.pending.push(q);
        return 'requeued';
      }
    }
    this.stats.failed++;
    logger.error({ platform: job.address.platform, chatId: job.address.chatId, err: errorText(error) }, 'send failed: giving up until the next tick');
    job.onGiveUp?.(error);
    return 'dropped';
  }

  /**
   * Records an outcome, retrying the write (never the send) with a growing wait while the store fails. The
   * first failure stalls the fan-out; the first success afterwards resumes it. Once the queue is stopped, one
   * more attempt is made and then the outcome is given up, loudly: that post may be sent again after a restart.
   */
  private async record(job: SendJob, write: () => void | Promise<void>): Promise<void> {
    const { logger } = this.options;
    const retry = this.options.recordRetryMs ?? { first: 1_000, max: 30_000 };
    for (let attempt = 1; ; attempt++) {
      try {
        await write();
        if (this.recordFailing) {
          this.recordFailing = false;
          logger.info({}, 'daily posts: the store records again; the fan-out resumes');
          this.wakeAll();
          this.pump();
        }
        return;
      } catch (error) {
        this.stats.recordFailed++;
        if (!this.recordFailing) {
          this.recordFailing = true;
          logger.error(
            { platform: job.address.platform, chatId: job.address.chatId, err: errorText(error) },
            'daily post sent but not recorded: retrying the record; no new post goes out until the store can write',
          );
        }
        if (this.stopped && attempt > 1) {
          logger.error({ platform: job.address.platform, chatId: job.address.chatId, key: job.key }, 'daily post sent but never recorded: it may be posted again after a restart');
          return;
        }
        await this.pause(Math.min(retry.max, retry.first * 2 ** (attempt - 1)));
      }
    }
  }

  /** Sleeps, or less when the queue stops or the store recovers. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        if (!this.wake.delete(finish)) return;
        resolve();
      };
      this.wake.add(finish);
      void this.options.timer.sleep(ms).then(finish);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.wake]) wake();
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
      if (this.recordFailing) {
        // Stalled: wait for the store (or the stop) before taking a slot.
        await this.pause(1_000);
        continue;
      }
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
        const slot = await this.pace.reserve(platform, now, 1000 / rate.perSecond);
        const delay = slot - timer.now();
        if (delay > 0) await timer.sleep(delay);
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
