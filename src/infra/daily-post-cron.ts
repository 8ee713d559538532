/** Runs the daily-post scheduler every minute with croner, from start until shutdown. */
import { Cron } from 'croner';
import type { Logger } from '../core/ports.js';
import type { DailyPostScheduler } from '../core/subscriptions/scheduler.js';
import type { SendQueue } from '../core/subscriptions/send-queue.js';

/**
 * A running cron job; `stop()` stops ticking, waits for the posts in flight (queued ones stay claimed) and
 * releases this process's claims and schedule lease, so that a restart takes them over at once.
 */
export interface DailyPostCron {
  readonly name: string;
  stop(): Promise<void>;
}

/**
 * Ticks at second 0 of every minute, and once at start (which also re-sends posts claimed before a crash or
 * restart). `protect` skips a tick while the previous one still runs.
 */
export function startDailyPostCron(scheduler: DailyPostScheduler, queue: SendQueue, logger: Logger, onError?: () => void): DailyPostCron {
  const tick = async () => {
    try {
      await scheduler.tick();
    } catch (error) {
      onError?.();
      logger.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'daily posts: tick failed');
    }
  };
  const job = new Cron('0 * * * * *', { protect: true, name: 'daily-posts' }, tick);
  void tick();
  return {
    name: 'daily-posts',
    stop: async () => {
      job.stop();
      await queue.stop();
      try {
        scheduler.release();
      } catch (error) {
        // The store cannot write: the leases run out on their own, and a successor waits for that.
        logger.warn({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'daily posts: leases not released');
      }
    },
  };
}
