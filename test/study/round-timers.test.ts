/**
 * Unit: deadlines, posting and restarts (round-timers.ts), with fake time, an in-memory store, a messenger
 * that fails on demand and a stand-in for the state machine that records what it was asked to close.
 */
import { describe, expect, it } from 'vitest';
import { ChatUnavailableError, RateLimitedError } from '../../src/core/messenger.js';
import { RoundTimers, type RoundCloser } from '../../src/core/study/round-timers.js';
import type { Step } from '../../src/core/study/session-rounds.js';
import type { StudySession } from '../../src/core/study/study-store.js';
import { FlakyMessenger, KeptLogger, fakeContext, sessionOf, type MemoryStudyRepository } from './fakes.js';
import { FakeTime } from './support.js';

/** Closes rounds in the repository as the real state machine does, and writes what it closed. */
function closer(repo: MemoryStudyRepository, calls: string[], now: () => number): RoundCloser {
  return {
    deadline: (s) => s.roundOpenedAt + 30_000,
    close: async (id, round, stop, note): Promise<Step | undefined> => {
      const s = await repo.session(id);
      if (!s || s.status !== 'active' || s.current !== round) return undefined;
      const last = stop || round + 1 >= s.questions.length;
      if (!(last ? await repo.end(id, round) : await repo.advance(id, round, now()))) return undefined;
      calls.push(`close ${round}${stop ? ' stop' : ''}${note ? ` (${note})` : ''}`);
      const after: StudySession = { ...s, current: last ? round : round + 1, roundOpenedAt: now(), status: last ? 'ended' : 'active' };
      return { session: after, reply: { lang: 'en', text: `closed ${round}`, buttons: [] }, ended: last };
    },
  };
}

function setup(options: { shared?: boolean } = {}) {
  const time = new FakeTime();
  const logger = new KeptLogger();
  const ctx = fakeContext(time, { logger, ...(options.shared !== undefined ? { shared: options.shared } : {}) });
  const calls: string[] = [];
  const messenger = new FlakyMessenger();
  const timers = new RoundTimers(ctx, closer(ctx.repo, calls, () => time.now().getTime()), {
    timers: time,
    messengers: messenger,
    owner: 'me',
    timerLeaseMs: 15_000,
    // The messengers registered here; the sweep's isRunning says which of them run.
    platforms: () => ['telegram', 'discord', 'terminal'],
  });
  const settle = () => timers.idle();
  return { time, ctx, calls, messenger, timers, logger, settle };
}

describe('round timers', () => {
  it('close a round at its deadline, post it, and only then open the next round\'s time', async () => {
    const { time, ctx, calls, messenger, timers, settle } = setup();
    const id = (await ctx.repo.createSession(sessionOf(3, time.now().getTime())))!;
    await timers.schedule((await ctx.repo.session(id))!);
    expect(ctx.repo.leases.get(id)).toEqual({ owner: 'me', until: time.now().getTime() + 15_000 });
    await time.advance(29_999, settle);
    expect(calls).toEqual([]);
    await time.advance(1, settle);
    expect(calls).toEqual(['close 0 (⏱ Time is up.)']);
    expect(messenger.sent.map((s) => s.reply.text)).toEqual(['closed 0']);
    // The next round counts from the post: its deadline is 30 s after it.
    expect((await ctx.repo.session(id))!.roundOpenedAt).toBe(time.now().getTime());
    await time.advance(30_000, settle);
    await time.advance(30_000, settle);
    expect(calls).toEqual(['close 0 (⏱ Time is up.)', 'close 1 (⏱ Time is up.)', 'close 2 (⏱ Time is up.)']);
    expect(time.pending).toBe(0);
  });

  it('cancel the timer of a round closed by a reply (/next), and start the next one', async () => {
    const { time, ctx, calls, timers, settle } = setup();
    const id = (await ctx.repo.createSession(sessionOf(3, time.now().getTime())))!;
    await timers.schedule((await ctx.repo.session(id))!);
    await time.advance(10_000, settle);
    await timers.advance(id, 0, false);
    await time.advance(29_999, settle);
    expect(calls).toEqual(['close 0']);
    await time.advance(1, settle);
    expect(calls).toEqual(['close 0', 'close 1 (⏱ Time is up.)']);
  });

  it('try a failed post again (waiting out a 429), and end the session when a round still cannot be posted', async () => {
    const { time, ctx, messenger, timers, logger, settle } = setup();
    const id = (await ctx.repo.createSession(sessionOf(3, time.now().getTime())))!;
    await timers.schedule((await ctx.repo.session(id))!);
    messenger.failures.push(new RateLimitedError(5_000), new Error('network'), new Error('network'));
    await time.advance(30_000, settle);
    await time.advance(4_999, settle);
    expect(logger.lines.filter((l) => l.msg === 'study post failed; trying again')).toHaveLength(1);
    await time.advance(1, settle);
    expect(logger.lines.filter((l) => l.msg === 'study post failed; trying again')).toHaveLength(2);
    await time.advance(2_000, settle);
    expect(messenger.sent).toEqual([]);
    expect(logger.lines.some((l) => l.level === 'error' && l.msg === 'study round not posted: the session ends')).toBe(true);
    expect((await ctx.repo.session(id))!.status).toBe('ended');
    expect(time.pending).toBe(0);
  });

  it('end the session at once when its chat is gone', async () => {
    const { time, ctx, messenger, timers, logger, settle } = setup();
    const id = (await ctx.repo.createSession(sessionOf(3, time.now().getTime())))!;
    await timers.schedule((await ctx.repo.session(id))!);
    messenger.failures.push(new ChatUnavailableError({ platform: 'telegram', chatId: '-100' }, 'kicked'));
    await time.advance(30_000, settle);
    expect((await ctx.repo.session(id))!.status).toBe('ended');
    expect(logger.lines.map((l) => l.msg)).toContain('study chat unavailable: the session ends');
  });

  it('try a deadline again when the store cannot record it, waiting longer each time', async () => {
    const { time, ctx, calls, timers, logger, settle } = setup();
    const id = (await ctx.repo.createSession(sessionOf(3, time.now().getTime())))!;
    await timers.schedule((await ctx.repo.session(id))!);
    const advance = ctx.repo.advance.bind(ctx.repo);
    let failures = 2;
    ctx.repo.advance = (...args) => (failures-- > 0 ? Promise.reject(new Error('disk I/O error')) : advance(...args));
    await time.advance(30_000, settle);
    await time.advance(1_000, settle);
    expect(calls).toEqual([]);
    await time.advance(2_000, settle);
    expect(calls).toEqual(['close 0 (⏱ Time is up.)']);
    expect(logger.lines.filter((l) => l.msg === 'study deadline not recorded; trying again').map((l) => (l.obj as { retryInMs: number }).retryInMs)).toEqual([1_000, 2_000]);
  });

  it('after a restart, close a question whose deadline passed, and end a session down for long with a note', async () => {
    const { time, ctx, calls, messenger, timers, settle } = setup();
    const start = time.now().getTime();
    const recent = (await ctx.repo.createSession(sessionOf(3, start - 45_000)))!;
    const stale = (await ctx.repo.createSession(sessionOf(3, start - 3600_000, { address: { platform: 'telegram', chatId: '-200' } })))!;
    const later = (await ctx.repo.createSession(sessionOf(3, start - 10_000, { address: { platform: 'discord', chatId: '9' } })))!;
    await timers.resume(() => true);
    await settle();
    expect(calls.sort()).toEqual(['close 0 (⏱ Time is up.)', 'close 0 stop (⚠ The bot restarted, so this quiz ends here.)']);
    expect(messenger.sent.map((s) => s.to.chatId).sort()).toEqual(['-100', '-200']);
    expect((await ctx.repo.session(stale))!.status).toBe('ended');
    expect((await ctx.repo.session(recent))!.current).toBe(1);
    // The third resumes with its deadline from the stored time: 20 s left.
    await time.advance(19_999, settle);
    expect(calls).toHaveLength(2);
    await time.advance(1, settle);
    expect(calls).toHaveLength(3);
    expect((await ctx.repo.session(later))!.current).toBe(1);
  });

  it('on a shared store, take over only the timers whose holder stopped renewing, on platforms this process runs', async () => {
    const { time, ctx, calls, timers, settle } = setup({ shared: true });
    const now = time.now().getTime();
    const held = (await ctx.repo.createSession(sessionOf(3, now)))!;
    const orphan = (await ctx.repo.createSession(sessionOf(3, now - 40_000, { address: { platform: 'telegram', chatId: '-200' } })))!;
    const elsewhere = (await ctx.repo.createSession(sessionOf(3, now - 40_000, { address: { platform: 'discord', chatId: '9' } })))!;
    await ctx.repo.holdTimer(held, 'other', now + 10_000);
    await ctx.repo.holdTimer(orphan, 'dead', now - 1);
    await ctx.repo.holdTimer(elsewhere, 'dead', now - 1);
    await timers.sweep((platform) => platform === 'telegram');
    await settle();
    expect(calls).toEqual(['close 0 (⏱ Time is up.)']);
    expect((await ctx.repo.session(orphan))!.current).toBe(1);
    expect(ctx.repo.leases.get(held)!.owner).toBe('other');
    expect(ctx.repo.leases.get(elsewhere)!.owner).toBe('dead');
  });

  it('stop firing after close(), and give up their leases on release', async () => {
    const { time, ctx, calls, timers, settle } = setup({ shared: true });
    const id = (await ctx.repo.createSession(sessionOf(3, time.now().getTime())))!;
    await timers.schedule((await ctx.repo.session(id))!);
    timers.startSweeps(() => true);
    timers.close();
    expect(time.pending).toBe(0);
    await time.advance(60_000, settle);
    expect(calls).toEqual([]);
    await timers.releaseTimers();
    expect(ctx.repo.leases.get(id)!.until).toBe(0);
  });
});
