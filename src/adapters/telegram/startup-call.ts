/** Start-up requests to the Bot API (getMe, setMyCommands, setWebhook…): bounded in time, retried, logged. */
import { GrammyError, HttpError, type Api } from 'grammy';
import type { Logger } from '../../core/ports.js';
import { describeError } from './errors.js';

/** The abort signal grammY's methods take (its own shim's type; Node's AbortSignal at run time). */
export type ApiSignal = NonNullable<Parameters<Api['getMe']>[0]>;

/** How a start-up request is retried. */
export interface StartupRetry {
  /** Attempts in all, the first included. */
  attempts: number;
  /** How long one attempt may take (an API that accepts connections but never answers). */
  timeoutMs: number;
  /** The first wait between attempts; it doubles up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Five attempts of 10 s each, waiting 1, 2, 4 and 8 s between them: about a minute before giving up. */
export const STARTUP_RETRY: StartupRetry = { attempts: 5, timeoutMs: 10_000, firstDelayMs: 1_000, maxDelayMs: 30_000 };

/** Whether a failed request may succeed when tried again: network errors and timeouts, 429 and 5xx. */
export function isTransient(error: unknown): boolean {
  if (error instanceof HttpError) return true;
  return error instanceof GrammyError && (error.error_code === 429 || error.error_code >= 500);
}

/**
 * Runs `call` with a timeout (its `signal`), retrying transient failures with a growing wait (or Telegram's
 * `retry_after`), each retry logged as a warning. A permanent failure (401: the token is refused; 400) is
 * thrown at once; the last transient one is thrown after the last attempt.
 */
export async function startupCall<T>(
  what: string,
  call: (signal: ApiSignal) => Promise<T>,
  context: { logger: Logger; token: string; retry?: Partial<StartupRetry>; sleep?: (ms: number) => Promise<void> },
): Promise<T> {
  const retry = { ...STARTUP_RETRY, ...context.retry };
  const sleep = context.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(AbortSignal.timeout(retry.timeoutMs) as unknown as ApiSignal);
    } catch (error) {
      if (!isTransient(error) || attempt >= retry.attempts) throw error;
      const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
      const wait = retryAfter !== undefined ? retryAfter * 1000 : Math.min(retry.maxDelayMs, retry.firstDelayMs * 2 ** (attempt - 1));
      context.logger.warn({ call: what, attempt, of: retry.attempts, retryInMs: wait, err: describeError(error, context.token) }, `telegram ${what} failed; retrying`);
      await sleep(wait);
    }
  }
}
