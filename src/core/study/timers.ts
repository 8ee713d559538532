/** Scheduling of deadlines, injected so that tests move time on instead of waiting. */
export interface Timers {
  /** Runs `run` after `ms` milliseconds; returns a handle for {@link Timers.cancel}. */
  schedule(ms: number, run: () => void): unknown;
  cancel(handle: unknown): void;
}

/** Node's timers (unref'd, so a pending deadline never keeps the process alive on its own). */
export const systemTimers: Timers = {
  schedule: (ms, run) => {
    const t = setTimeout(run, Math.max(0, ms));
    t.unref();
    return t;
  },
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
