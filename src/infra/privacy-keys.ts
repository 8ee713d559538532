import { createHmac, randomBytes } from 'node:crypto';
import type { PrivacyKeys } from '../core/questions/privacy-keys.js';

const DAY_MS = 86_400_000;

/**
 * {@link PrivacyKeys} with node:crypto: HMAC-SHA-256 under a random salt per UTC day, held in this object only
 * (a restart draws a new one, so a member asking before and after a restart counts twice that day), and
 * 72-bit random ticket ids.
 */
export class DailySaltKeys implements PrivacyKeys {
  private day = Number.NaN;
  private salt: Buffer = Buffer.alloc(0);

  asker(userKey: string, at: number): string {
    const day = Math.floor(at / DAY_MS);
    if (day !== this.day) {
      // The old salt is dropped: yesterday's hashes can no longer be matched to anyone.
      this.day = day;
      this.salt = randomBytes(32);
    }
    return createHmac('sha256', this.salt).update(userKey).digest('base64url').slice(0, 16);
  }

  ticketId(): string {
    return randomBytes(9).toString('base64url');
  }
}
