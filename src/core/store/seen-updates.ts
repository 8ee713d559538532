/**
 * Platform updates already handled, kept where every instance sees them: a webhook delivery that Telegram
 * repeats (its response was late or lost) may reach another instance behind the load balancer, and must not be
 * answered twice.
 */
export interface SeenUpdateRepository {
  /**
   * Records that update `id` of `source` (such as `telegram`) is being handled; false when it was recorded
   * before (by this instance or another). `expiresAt` (epoch ms): after it the record may be deleted.
   */
  first(source: string, id: number, expiresAt: number): Promise<boolean>;
  /** Deletes records expired at `now`; returns how many. */
  purge(now: number): Promise<number>;
}
