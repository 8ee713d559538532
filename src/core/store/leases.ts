/** A named lease: one owner (a running process) holds it until it expires. */
export interface Lease {
  name: string;
  owner: string;
  /** Epoch ms; the lease is free from then on. */
  expiresAt: number;
}

/**
 * Leases of whole processes, such as the daily-post schedule: one owner at a time, renewed while it runs,
 * free for another once it expires (the owner crashed) or is released (a graceful stop). Owned by the core,
 * implemented by each store.
 */
export interface LeaseRepository {
  /**
   * Takes the lease for `owner` until `until` when it is free, expired or already `owner`'s (a renewal), in
   * one atomic step. Returns the holder after the call: `owner` when it got it, else the live holder.
   */
  acquire(name: string, owner: string, now: number, until: number): Lease;
  /** Frees the lease at once, if `owner` holds it. */
  release(name: string, owner: string): void;
}
