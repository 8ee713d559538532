/**
 * The one path of everything the bot sends on Telegram: replies, rate-limit notices, apologies, daily posts and
 * quiz rounds all go through the same grammY `Api`, whose transformers
 * - retry a 429 after Telegram's `retry_after` (the auto-retry plugin; grammY's advice on flood limits: wait
 *   and retry, never drop), and 5xx answers with a growing wait;
 * - keep Telegram's per-chat limits (about one message a second in a chat, with short bursts, and 20 a minute
 *   in a group) and a small number of messages in flight at once;
 * - count every message that could not be sent, by why.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { HttpError, type Api, type Transformer } from 'grammy';
import type { Metrics, SendFailure } from '../../core/metrics.js';
import { isChatGone } from './errors.js';

/** Methods that post or change a message in a chat: these count against the chat's limits. */
const MESSAGE_METHODS: ReadonlySet<string> = new Set(['sendMessage', 'editMessageText', 'editMessageReplyMarkup', 'copyMessage', 'forwardMessage', 'sendPhoto', 'sendDocument']);

/** Limits of the outgoing path. */
export interface OutboxLimits {
  /** Messages in flight at once, across all chats. */
  maxInFlight: number;
  /** Messages to one chat in a burst, after which one a second. */
  chatBurst: number;
  /** Messages per minute to one group. */
  groupPerMinute: number;
}

/** Telegram's limits (Bot FAQ) and grammY's advice: few requests in parallel. */
export const TELEGRAM_LIMITS: OutboxLimits = { maxInFlight: 8, chatBurst: 3, groupPerMinute: 20 };

/** Options of {@link outbox}. */
export interface OutboxOptions {
  limits?: OutboxLimits;
  metrics?: Pick<Metrics, 'sendFailed'>;
  /** The time and waiting; real ones by default. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Why a Bot API error answer means the message was not sent. */
export function sendFailure(code: number, description: string): SendFailure {
  if (code === 429) return 'rate_limited';
  if (isChatGone(code, description)) return 'unavailable';
  return code >= 500 ? 'server' : 'rejected';
}

/**
 * A transformer that keeps the per-chat limits and the cap on messages in flight, and counts failures. It is
 * installed outside auto-retry, so it sees each message's final outcome once.
 */
export function outbox(options: OutboxOptions = {}): Transformer {
  const limits = options.limits ?? TELEGRAM_LIMITS;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  /** Planned send times per chat (the last minute's), reserved before waiting so parallel calls never collide. */
  const planned = new Map<string, number[]>();
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  const turn = (chatId: string): number => {
    const t = now();
    const times = (planned.get(chatId) ?? []).filter((x) => x > t - 60_000);
    let at = t;
    // At most `chatBurst` messages in any `chatBurst` seconds: one a second on average, short bursts allowed.
    const burstStart = times[times.length - limits.chatBurst];
    if (burstStart !== undefined) at = Math.max(at, burstStart + limits.chatBurst * 1000);
    // Group and supergroup ids are negative.
    const minuteStart = chatId.startsWith('-') ? times[times.length - limits.groupPerMinute] : undefined;
    if (minuteStart !== undefined) at = Math.max(at, minuteStart + 60_000);
    times.push(at);
    planned.set(chatId, times);
    if (planned.size > 10_000) for (const [k, v] of planned) if (v.every((x) => x <= t - 60_000)) planned.delete(k);
    return at - t;
  };

  const acquire = async () => {
    while (inFlight >= limits.maxInFlight) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight++;
  };
  const release = () => {
    inFlight--;
    waiting.shift()?.();
  };

  return async (prev, method, payload, signal) => {
    if (!MESSAGE_METHODS.has(method)) return prev(method, payload, signal);
    const chatId = String((payload as { chat_id?: unknown }).chat_id);
    const wait = turn(chatId);
    if (wait > 0) await sleep(wait);
    await acquire();
    try {
      const res = await prev(method, payload, signal);
      if (!res.ok) options.metrics?.sendFailed('telegram', sendFailure(res.error_code, res.description));
      return res;
    } catch (error) {
      if (!signal?.aborted) options.metrics?.sendFailed('telegram', error instanceof HttpError ? 'network' : 'rejected');
      throw error;
    } finally {
      release();
    }
  };
}

/**
 * Makes `api` the one outgoing path: auto-retry inside (429 after `retry_after`, up to 8 times and 60 s a
 * wait; 5xx with a growing wait), the per-chat limits and counting outside. Network errors are not retried
 * here (auto-retry would retry them without end and could hold a shutdown for ever): a reply then fails and
 * the user gets the apology; the daily-post queue retries on its own.
 */
export function useOutgoingPath(api: Api, options: OutboxOptions = {}): void {
  api.config.use(autoRetry({ maxRetryAttempts: 8, maxDelaySeconds: 60, rethrowHttpErrors: true }));
  api.config.use(outbox(options));
}
