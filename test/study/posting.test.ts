/**
 * Quiz rounds the bot posts on its own (at a deadline): a failed post is tried again, a round that cannot be
 * posted is not opened (no reveal of a question nobody saw), and a deadline whose write failed is tried again
 * (a session never stays stuck).
 */
import { describe, expect, it } from 'vitest';
import type { ChatReply } from '../../src/core/chat/chat-service.js';
import { RateLimitedError, type ChatAddress, type SentMessage } from '../../src/core/messenger.js';
import { member, RecordingMessenger, studyCore } from './support.js';

const alice = member('1', 'Alice');
const GROUP = { platform: 'telegram' as const, chatId: '-100' };

/** A messenger whose next `failures` sends fail with `error`. */
class FlakyMessenger extends RecordingMessenger {
  failures = 0;
  error: () => Error = () => new Error('ECONNRESET');
  attempts = 0;
  override send(to: ChatAddress, reply: ChatReply): Promise<SentMessage> {
    this.attempts++;
    if (this.failures > 0) {
      this.failures--;
      return Promise.reject(this.error());
    }
    return super.send(to, reply);
  }
}

function flakyCore() {
  const h = studyCore();
  const messenger = new FlakyMessenger();
  h.core.messengers.register('telegram', messenger);
  return { ...h, messenger };
}

describe('posting quiz rounds', () => {
  it('tries a failed round post again, and counts the question\'s time from when it was posted', async () => {
    const h = flakyCore();
    h.core.chat.command(alice, 'study', '3');
    h.messenger.failures = 1;
    h.messenger.error = () => new RateLimitedError(5_000);
    await h.time.advance(30_000, h.settle); // deadline of question 1: the post is refused once (429)
    expect(h.messenger.sent).toHaveLength(0);
    await h.time.advance(5_000, h.settle);
    expect(h.messenger.sent).toHaveLength(1);
    expect(h.messenger.sent[0]!.reply.text).toContain('Question 2/3');
    // Question 2 was posted at 35 s: it closes at 65 s, not at 60.
    await h.time.advance(29_999, h.settle);
    expect(h.messenger.sent).toHaveLength(1);
    await h.time.advance(1, h.settle);
    expect(h.messenger.sent).toHaveLength(2);
    expect(h.messenger.sent[1]!.reply.text).toContain('Question 3/3');
  });

  it('does not open a round that cannot be posted: the session ends, nothing unseen is revealed, and /study works again', async () => {
    const h = flakyCore();
    h.core.chat.command(alice, 'study', '5');
    h.messenger.failures = 100;
    await h.time.advance(30_000, h.settle);
    await h.time.advance(10_000, h.settle); // the retries (1 s, 2 s) are spent
    expect(h.messenger.attempts).toBe(3);
    expect(h.store.study.activeSession(GROUP)).toBeUndefined();
    expect(h.time.pending).toBe(0);
    h.messenger.failures = 0;
    await h.time.advance(120_000, h.settle);
    expect(h.messenger.sent).toEqual([]);
    expect(h.core.chat.command(alice, 'study', '3')!.text).toContain('Question 1/3');
  });

  it('tries a deadline again whose write failed, so the session goes on instead of staying stuck', async () => {
    const h = flakyCore();
    h.core.chat.command(alice, 'study', '3');
    h.store.db.pragma('query_only = ON'); // the store refuses writes (as on a read-only or full disk)
    await h.time.advance(30_000, h.settle);
    expect(h.messenger.sent).toHaveLength(0);
    expect(h.store.study.activeSession(GROUP)?.current).toBe(0);
    h.store.db.pragma('query_only = OFF');
    await h.time.advance(1_000, h.settle);
    expect(h.messenger.sent).toHaveLength(1);
    expect(h.messenger.sent[0]!.reply.text).toContain('Question 2/3');
    expect(h.store.study.activeSession(GROUP)?.current).toBe(1);
    // No "a session is already running" for ever: it runs to its end.
    await h.time.advance(60_000, h.settle);
    expect(h.store.study.activeSession(GROUP)).toBeUndefined();
  });
});
