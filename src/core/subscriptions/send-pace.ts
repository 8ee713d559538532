/**
 * The pace of posts on the bot's own initiative, shared by every instance: a platform's limit (Telegram: about
 * 30 messages a second per bot) is the bot's, not each process's. Each message reserves the next free slot;
 * several instances then send, together, at the configured rate.
 */
export interface SendPaceRepository {
  /**
   * Reserves the next slot of `platform` at or after `now` and moves the platform's next free slot `intervalMs`
   * past it, atomically. Returns the reserved slot (epoch ms): the message is sent then.
   */
  reserve(platform: string, now: number, intervalMs: number): Promise<number>;
}

/** Slots in this process's memory (one instance, or no store). */
export class MemorySendPace implements SendPaceRepository {
  private readonly next = new Map<string, number>();

  reserve(platform: string, now: number, intervalMs: number): Promise<number> {
    const slot = Math.max(now, this.next.get(platform) ?? 0);
    this.next.set(platform, slot + intervalMs);
    return Promise.resolve(slot);
  }
}
