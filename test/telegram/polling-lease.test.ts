/** Long polling is single-instance: a second poller on the same database waits out a dead holder, and refuses a live one. */
import { describe, expect, it } from 'vitest';
import { SecondPollerError, takePollingLease } from '../../src/adapters/telegram/polling-lease.js';
import { silentLogger } from '../../src/core/ports.js';
import { SqliteStore, openDatabase } from '../../src/infra/sqlite/sqlite-store.js';

function clockAt(start: number) {
  let now = start;
  return { now: () => new Date(now), move: (ms: number) => (now += ms) };
}

describe('the polling lease', () => {
  it('refuses a second poller while the first renews, takes over after a graceful stop or a dead holder\'s lease', async () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    const clock = clockAt(1_000_000);
    const first = await takePollingLease(store.leases, 'first', clock, silentLogger, () => Promise.resolve(), 30_000);
    // The first is alive: waiting changes nothing, and the second is refused with the reason.
    await expect(takePollingLease(store.leases, 'second', clock, silentLogger, () => Promise.resolve(), 30_000)).rejects.toThrow(SecondPollerError);
    await expect(takePollingLease(store.leases, 'second', clock, silentLogger, () => Promise.resolve(), 30_000)).rejects.toThrow(/single-instance.*webhook mode/);
    await first.release();
    const second = await takePollingLease(store.leases, 'second', clock, silentLogger, () => Promise.resolve(), 30_000);
    await second.release();
    // A holder that died: the next poller waits for its lease to run out, then polls.
    await store.leases.acquire('telegram-polling', 'dead', clock.now().getTime(), clock.now().getTime() + 30_000);
    let waited = 0;
    const third = await takePollingLease(store.leases, 'third', clock, silentLogger, (ms) => Promise.resolve(void clock.move((waited = ms))), 30_000);
    expect(waited).toBe(31_000);
    await third.release();
    await store.close();
  });
});
