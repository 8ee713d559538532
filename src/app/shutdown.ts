/**
 * Graceful shutdown on SIGTERM and SIGINT: stop taking work, finish what is in flight, close the store, exit.
 * A second signal exits at once; a stop that hangs is abandoned at the deadline, so the process always ends
 * (before Docker's SIGKILL, 10 s after its SIGTERM, with the default timeout).
 */
import type { Logger } from '../core/ports.js';

/** Something that stops: a platform, a scheduler. `stop()` resolves once its work in flight is done. */
export interface Stoppable {
  readonly name: string;
  stop(): Promise<void> | void;
}

/** What to stop, in this order. The arrays are read when the signal comes, so they may fill during start. */
export interface ShutdownPlan {
  /**
   * Background work (the daily-post scheduler, study timers): stopped first, so that a post in flight is
   * finished while the platforms can still send it.
   */
  workers?: readonly Stoppable[];
  /** The platforms, in parallel: they stop taking updates and finish the replies in flight. */
  platforms: readonly Stoppable[];
  /** The HTTP server, after the platforms (a webhook update in flight is answered by then). */
  http?: { close(): Promise<void> };
  /** Closed last, always (also after a timeout: a write in flight is one transaction, committed or rolled back whole). */
  store: { close(): void | Promise<void> };
  logger: Logger;
}

/** Where signals come from; `process` by default. */
export interface SignalSource {
  on(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  off(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
}

/** Options of {@link installShutdown}; tests replace the process and exit. */
export interface ShutdownOptions {
  process?: SignalSource;
  exit?: (code: number) => void;
  /** Bound of the whole graceful part, in ms; 8000 by default. */
  timeoutMs?: number;
}

/** An installed shutdown. */
export interface Shutdown {
  /** Shuts down as on a signal; exits with `exitCode` (1 when a step failed). The same promise every time. */
  shutdown(reason: string, exitCode?: number): Promise<void>;
  /** Whether a shutdown has begun (the health check reports it). */
  isStopping(this: void): boolean;
  /** Removes the signal handlers. */
  uninstall(): void;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** Installs the signal handlers. Exit codes: 0 after a clean stop, 1 after a timeout or a failed step, 130 on a second signal. */
export function installShutdown(plan: ShutdownPlan, options: ShutdownOptions = {}): Shutdown {
  const proc = options.process ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timeoutMs = options.timeoutMs ?? 8_000;
  const { logger } = plan;
  let running: Promise<void> | undefined;

  const shutdown = (reason: string, exitCode = 0): Promise<void> => {
    running ??= (async () => {
      logger.info({ reason }, 'stopping: finishing the work in flight');
      const deadline = Date.now() + timeoutMs;
      let clean = true;
      let timedOut = false;
      // Past the deadline the remaining steps are skipped: only the store is still closed.
      const step = async (what: string, work: () => Promise<unknown>) => {
        if (timedOut) return;
        const result = await bounded(work, deadline - Date.now());
        if (result === 'ok') return;
        clean = false;
        if (result === 'timeout') {
          timedOut = true;
          logger.warn({ step: what, timeoutMs }, 'shutdown timed out; abandoning the work in flight');
        } else logger.error({ step: what, err: errorSummary(result.error) }, 'shutdown step failed');
      };
      for (const worker of plan.workers ?? []) await step(worker.name, async () => worker.stop());
      await step('platforms', () => allStopped(plan.platforms, logger));
      if (plan.http) {
        const http = plan.http;
        await step('http', () => http.close());
      }
      try {
        await plan.store.close();
      } catch (error) {
        clean = false;
        logger.error({ err: errorSummary(error) }, 'closing the store failed');
      }
      logger.info({ clean }, 'stopped');
      exit(clean ? exitCode : 1);
    })();
    return running;
  };

  const handlers = SIGNALS.map((signal) => {
    const handler = () => {
      if (running) {
        logger.warn({ signal }, 'second signal: exiting at once');
        exit(130);
        return;
      }
      void shutdown(signal);
    };
    proc.on(signal, handler);
    return { signal, handler };
  });

  return {
    shutdown,
    isStopping: () => running !== undefined,
    uninstall: () => {
      for (const { signal, handler } of handlers) proc.off(signal, handler);
    },
  };
}

/** Stops every platform in parallel; rejects with the first failure once all have settled. */
async function allStopped(platforms: readonly Stoppable[], logger: Logger): Promise<void> {
  const results = await Promise.allSettled(platforms.map(async (p) => p.stop()));
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ name: platforms[i]?.name, reason: r.reason as unknown }] : []));
  for (const f of failed) logger.error({ platform: f.name, err: errorSummary(f.reason) }, 'platform stop failed');
  if (failed.length) throw new Error(`platforms failed to stop: ${failed.map((f) => f.name).join(', ')}`);
}

/** Runs `work` for at most `ms`. */
async function bounded(work: () => Promise<unknown>, ms: number): Promise<'ok' | 'timeout' | { error: unknown }> {
  if (ms <= 0) return 'timeout';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work().then(() => 'ok' as const, (error: unknown) => ({ error })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** An error's name and message, for logs (the message of our platform errors is already free of tokens). */
function errorSummary(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: typeof error, message: String(error) };
}
