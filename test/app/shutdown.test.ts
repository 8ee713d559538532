/** Graceful shutdown: order of the steps, the second signal, and a stop that hangs. */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installShutdown, type ShutdownPlan, type Stoppable } from '../../src/app/shutdown.js';
import { capturingLogger } from '../telegram/support/logger.js';

/** A fake process: signals are emitted by the test. */
function fakeProcess() {
  const emitter = new EventEmitter();
  return {
    on: (signal: 'SIGTERM' | 'SIGINT', listener: () => void) => emitter.on(signal, listener),
    off: (signal: 'SIGTERM' | 'SIGINT', listener: () => void) => emitter.off(signal, listener),
    send: (signal: 'SIGTERM' | 'SIGINT') => emitter.emit(signal),
    listeners: () => emitter.listenerCount('SIGTERM') + emitter.listenerCount('SIGINT'),
  };
}

function setup(plan: Partial<ShutdownPlan> & { platforms: Stoppable[] }, timeoutMs = 1_000) {
  const events: string[] = [];
  const exits: number[] = [];
  let exited!: () => void;
  const exitedOnce = new Promise<void>((resolve) => (exited = resolve));
  const proc = fakeProcess();
  const logger = capturingLogger();
  const shutdown = installShutdown(
    { store: { close: () => void events.push('store closed') }, logger, ...plan },
    {
      process: proc,
      exit: (code) => {
        exits.push(code);
        events.push(`exit ${code}`);
        exited();
      },
      timeoutMs,
    },
  );
  return { events, exits, exitedOnce, proc, logger, shutdown };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('shutdown', () => {
  it('stops the workers, then every platform, then the HTTP server, then closes the store, and exits 0', async () => {
    const events: string[] = [];
    // The platforms stop together: Telegram finishes only after Discord has (it waits for it), which it
    // could not do if they were stopped one after the other.
    let discordStopped = () => undefined as void;
    const afterDiscord = new Promise<void>((resolve) => (discordStopped = resolve));
    const telegram: Stoppable = {
      name: 'telegram',
      stop: async () => {
        events.push('telegram stopping');
        await afterDiscord;
        events.push('telegram stopped');
      },
    };
    const discord: Stoppable = {
      name: 'discord',
      stop: async () => {
        events.push('discord stopping');
        await Promise.resolve();
        events.push('discord stopped');
        discordStopped();
      },
    };
    const s = setup({
      workers: [{ name: 'scheduler', stop: () => void events.push('scheduler stopped') }],
      platforms: [telegram, discord],
      http: { close: () => Promise.resolve(void events.push('http closed')) },
      store: { close: () => void events.push('store closed') },
    });
    s.proc.send('SIGTERM');
    await s.exitedOnce;
    expect(events).toEqual(['scheduler stopped', 'telegram stopping', 'discord stopping', 'discord stopped', 'telegram stopped', 'http closed', 'store closed']);
    expect(s.exits).toEqual([0]);
    expect(s.shutdown.isStopping()).toBe(true);
  });

  it('does not close the store while a platform is still finishing a reply', async () => {
    let finish!: () => void;
    const s = setup({ platforms: [{ name: 'telegram', stop: () => new Promise<void>((r) => (finish = r)) }] });
    s.proc.send('SIGINT');
    for (let i = 0; i < 5; i++) await tick();
    expect(s.events).toEqual([]);
    finish();
    await s.exitedOnce;
    expect(s.events).toEqual(['store closed', 'exit 0']);
  });

  it('exits at once on a second signal', async () => {
    const s = setup({ platforms: [{ name: 'telegram', stop: () => new Promise<void>(() => undefined) }] }, 60_000);
    s.proc.send('SIGTERM');
    await tick();
    s.proc.send('SIGTERM');
    expect(s.exits).toEqual([130]);
    expect(s.events).not.toContain('store closed');
    expect(s.logger.entries.some((e) => e.msg === 'second signal: exiting at once')).toBe(true);
  });

  it('bounds a hanging stop by the timeout, still closes the store, and exits 1', async () => {
    vi.useFakeTimers();
    try {
      const s = setup({ platforms: [{ name: 'discord', stop: () => new Promise<void>(() => undefined) }] }, 8_000);
      s.proc.send('SIGTERM');
      await vi.advanceTimersByTimeAsync(7_999);
      expect(s.events).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      await s.exitedOnce;
      expect(s.events).toEqual(['store closed', 'exit 1']);
      expect(s.logger.entries.find((e) => e.level === 'warn')?.obj).toMatchObject({ step: 'platforms' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('goes on after a platform whose stop fails, and exits 1', async () => {
    const stopped: string[] = [];
    const s = setup({
      platforms: [
        { name: 'telegram', stop: () => Promise.reject(new Error('boom')) },
        { name: 'discord', stop: () => void stopped.push('discord') },
      ],
    });
    s.proc.send('SIGTERM');
    await s.exitedOnce;
    expect(stopped).toEqual(['discord']);
    expect(s.events).toEqual(['store closed', 'exit 1']);
  });

  it('reads the platform list when the signal comes, and can be uninstalled', async () => {
    const platforms: Stoppable[] = [];
    const s = setup({ platforms });
    const stopped: string[] = [];
    platforms.push({ name: 'telegram', stop: () => void stopped.push('telegram') });
    s.proc.send('SIGTERM');
    await s.exitedOnce;
    expect(stopped).toEqual(['telegram']);
    s.shutdown.uninstall();
    expect(s.proc.listeners()).toBe(0);
  });
});
