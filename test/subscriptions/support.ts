/** Small fakes for the daily-post tests: a clock moved by hand, a timer that moves it, a recording messenger. */
import { createCoreServices, type CoreServices } from '../../src/app/core-services.js';
import type { ChatReply, ChatRequest } from '../../src/core/chat/chat-service.js';
import type { ChatAddress, Messenger, SentMessage } from '../../src/core/messenger.js';
import { silentLogger, type Clock, type Logger } from '../../src/core/ports.js';
import type { Metrics } from '../../src/core/metrics.js';
import type { Store } from '../../src/core/store/store.js';
import type { Timer } from '../../src/core/subscriptions/send-queue.js';
import { SqliteStore, openDatabase } from '../../src/infra/sqlite/sqlite-store.js';
import { sharedBase, sharedFacts } from '../support/shared-facts.js';

export const base = sharedBase();

/** A clock that moves only when told. */
export class FakeClock implements Clock {
  constructor(public ms: number) {}
  static at(iso: string): FakeClock {
    return new FakeClock(Date.parse(iso));
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  iso(): string {
    return new Date(this.ms).toISOString();
  }
}

/** A timer whose sleep moves the fake clock instead of waiting. */
export function fakeTimer(clock: FakeClock): Timer {
  return {
    now: () => clock.ms,
    sleep: async (ms) => {
      const target = clock.ms + ms;
      await Promise.resolve();
      clock.ms = Math.max(clock.ms, target);
    },
  };
}

/** One message a messenger was asked to send. */
export interface Sent {
  to: ChatAddress;
  reply: ChatReply;
  /** The fake clock when it was sent (ISO). */
  at: string;
}

/** A messenger that records sends; `fail` may throw for a call (a 429, a 403, a network error). */
export class RecordingMessenger implements Messenger {
  readonly sent: Sent[] = [];
  fail?: (to: ChatAddress, attempt: number) => Error | undefined;
  /** Sends that never finish (a process killed while sending). */
  hang = false;
  private attempts = new Map<string, number>();

  constructor(private readonly clock: FakeClock) {}

  send(to: ChatAddress, reply: ChatReply): Promise<SentMessage> {
    const key = `${to.platform}:${to.chatId}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    if (this.hang) return new Promise(() => undefined);
    const error = this.fail?.(to, attempt);
    if (error) return Promise.reject(error);
    this.sent.push({ to, reply, at: this.clock.iso() });
    return Promise.resolve({ messageId: String(this.sent.length) });
  }

  to(chatId: string): Sent[] {
    return this.sent.filter((s) => s.to.chatId === chatId);
  }
}

/** The real core over an SQLite store (`:memory:` unless a file is given), a fake clock and a recording messenger. */
export function postingCore(
  clock: FakeClock,
  options: {
    db?: string;
    store?: Store;
    rate?: number;
    catchUpHours?: number;
    concurrency?: number;
    instanceId?: string;
    exclusive?: boolean;
    logger?: Logger;
    metrics?: Metrics;
  } = {},
): {
  core: CoreServices;
  store: Store;
  messenger: RecordingMessenger;
} {
  const store = options.store ?? new SqliteStore(openDatabase(options.db ?? ':memory:'));
  const core = createCoreServices({
    ...sharedFacts(),
    clock,
    logger: options.logger ?? silentLogger,
    store,
    // One admin subscribes many chats in these tests: the per-user rate limit is not what they are about.
    rateLimit: { limit: 100_000, windowMs: 60_000 },
    ...(options.instanceId ? { instanceId: options.instanceId } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    dailyPosts: {
      timeZone: 'Asia/Almaty',
      postTime: '09:00',
      catchUpHours: options.catchUpHours ?? 3,
      telegramPostsPerSecond: options.rate ?? 25,
      timer: fakeTimer(clock),
      concurrency: options.concurrency,
      exclusive: options.exclusive,
    },
  });
  const messenger = new RecordingMessenger(clock);
  for (const p of ['telegram', 'discord', 'terminal'] as const) core.messengers.register(p, messenger);
  return { core, store, messenger };
}

/** A request from a chat admin (or, with `admin: false`, from a member). */
export function request(chatId: string, options: { kind?: 'private' | 'group'; admin?: boolean; lang?: 'en' | 'ru' | 'kk'; platform?: ChatRequest['platform'] } = {}): ChatRequest {
  return {
    platform: options.platform ?? 'telegram',
    chatId,
    userId: 'u1',
    chatKind: options.kind ?? 'group',
    isAdmin: options.admin ?? true,
    userLang: options.lang ?? 'en',
  };
}

/** Ticks once a minute from now until `untilIso` (inclusive), letting the queue finish after each tick. */
export async function runUntil(core: CoreServices, clock: FakeClock, untilIso: string): Promise<void> {
  const until = Date.parse(untilIso);
  const { scheduler, queue } = core.dailyPosts;
  if (!scheduler || !queue) throw new Error('no scheduler: the core has no store');
  while (clock.ms <= until) {
    const minute = clock.ms;
    await scheduler.tick();
    await queue.drain();
    // Sends may have moved the clock (pacing); the next tick is the next whole minute.
    clock.ms = Math.max(clock.ms, minute + 60_000 - (minute % 60_000));
  }
}
