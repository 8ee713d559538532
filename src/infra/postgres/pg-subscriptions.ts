import type { ChatAddress } from '../../core/messenger.js';
import { silentLogger, type Logger } from '../../core/ports.js';
import { toDeliveries, toSubscription, type DeliveryRow, type SubscriptionRow } from '../subscription-rows.js';
import type { Claim, Delivery, RotationTrack, Subscription, SubscriptionInput, SubscriptionRepository } from '../../core/subscriptions/subscription-repository.js';
import { moveRows } from './pg-chats.js';
import type { PgDb } from './pg-db.js';

/**
 * Subscriptions, deliveries and rotations in PostgreSQL, shared by several instances: claims are split with
 * `FOR UPDATE SKIP LOCKED` (see {@link PgSubscriptions.lockDue} and {@link PgSubscriptions.leaseClaims}).
 */
export class PgSubscriptions implements SubscriptionRepository {
  /** @param logger where a delivery whose stored plan does not parse is reported (and left out) */
  constructor(
    private readonly db: PgDb,
    private readonly logger: Logger = silentLogger,
  ) {}

  async get(address: ChatAddress): Promise<Subscription | undefined> {
    const { rows } = await this.db.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE platform = $1 AND chat_id = $2', [address.platform, address.chatId]);
    return rows[0] ? toSubscription(rows[0]) : undefined;
  }

  async save(input: SubscriptionInput): Promise<void> {
    await this.db.query(
      `INSERT INTO subscriptions (platform, chat_id, post_minutes, time_zone, active, start_date, changed_at, is_group)
       VALUES ($1, $2, $3, $4, true, $5, $6, $7)
       ON CONFLICT (platform, chat_id) DO UPDATE SET post_minutes = excluded.post_minutes, time_zone = excluded.time_zone,
         active = true, start_date = excluded.start_date, changed_at = excluded.changed_at, is_group = excluded.is_group`,
      [input.address.platform, input.address.chatId, input.postMinutes, input.timeZone, input.startDate, input.changedAt, input.group],
    );
  }

  async delete(address: ChatAddress): Promise<boolean> {
    const result = await this.db.query('DELETE FROM subscriptions WHERE platform = $1 AND chat_id = $2', [address.platform, address.chatId]);
    return (result.rowCount ?? 0) > 0;
  }

  async setActive(address: ChatAddress, active: boolean): Promise<void> {
    await this.db.query('UPDATE subscriptions SET active = $1 WHERE platform = $2 AND chat_id = $3', [active, address.platform, address.chatId]);
  }

  async listActive(): Promise<Subscription[]> {
    const { rows } = await this.db.query<SubscriptionRow>(
      `SELECT s.* FROM subscriptions s LEFT JOIN chats c ON c.platform = s.platform AND c.chat_id = s.chat_id
       WHERE s.active AND NOT COALESCE(c.paused, false)`,
    );
    return rows.map(toSubscription);
  }

  async lockDue(due: { address: ChatAddress; localDate: string }[]): Promise<ChatAddress[]> {
    if (due.length === 0) return [];
    // Rows another instance has locked (it is claiming them now) are skipped; rows it claimed already are
    // filtered out by their newest date, read after its commit.
    const { rows } = await this.db.query<{ platform: string; chat_id: string }>(
      `SELECT s.platform, s.chat_id FROM subscriptions s
       JOIN unnest($1::text[], $2::text[], $3::text[]) AS v (platform, chat_id, local_date)
         ON s.platform = v.platform AND s.chat_id = v.chat_id
       WHERE s.last_local_date IS NULL OR s.last_local_date < v.local_date
       FOR UPDATE OF s SKIP LOCKED`,
      [due.map((d) => d.address.platform), due.map((d) => d.address.chatId), due.map((d) => d.localDate)],
    );
    return rows.map((r) => ({ platform: r.platform as ChatAddress['platform'], chatId: r.chat_id }));
  }

  claim(claim: Claim): Promise<boolean> {
    const { platform, chatId } = claim.address;
    return this.db.transaction(async () => {
      // "Already posted for this local date, or a later one" (a zone moved west across midnight).
      const newest = (await this.db.query<{ local_date: string | null }>('SELECT MAX(local_date) AS local_date FROM deliveries WHERE platform = $1 AND chat_id = $2', [platform, chatId]))
        .rows[0]?.local_date;
      if (newest && newest >= claim.localDate) return false;
      const inserted = await this.db.query(
        `INSERT INTO deliveries (platform, chat_id, local_date, due_at, plan, status, is_group, claimed_at, owner, lease_until)
         SELECT $1, $2, $3, $4, $5::jsonb, 'claimed', COALESCE((SELECT is_group FROM subscriptions WHERE platform = $1 AND chat_id = $2), false), $6, $7, $8
         ON CONFLICT DO NOTHING`,
        [platform, chatId, claim.localDate, claim.dueAt, JSON.stringify(claim.plan), claim.claimedAt, claim.owner, claim.leaseUntil],
      );
      if ((inserted.rowCount ?? 0) === 0) return false;
      await this.db.query('UPDATE subscriptions SET last_local_date = $1 WHERE platform = $2 AND chat_id = $3', [claim.localDate, platform, chatId]);
      for (const track of claim.resetTracks) await this.db.query('DELETE FROM post_rotation WHERE platform = $1 AND chat_id = $2 AND track = $3', [platform, chatId, track]);
      for (const s of claim.shown)
        await this.db.query(
          `INSERT INTO post_rotation (platform, chat_id, track, fact_id, shown_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (platform, chat_id, track, fact_id) DO UPDATE SET shown_at = excluded.shown_at`,
          [platform, chatId, s.track, s.factId, claim.claimedAt],
        );
      return true;
    });
  }

  async markSent(address: ChatAddress, localDate: string, messageId: string, sentAt: number): Promise<void> {
    await this.db.query(
      `UPDATE deliveries SET status = 'sent', message_id = $1, sent_at = $2 WHERE platform = $3 AND chat_id = $4 AND local_date = $5 AND status = 'claimed'`,
      [messageId, sentAt, address.platform, address.chatId, localDate],
    );
  }

  async markSkipped(address: ChatAddress, localDate: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE deliveries SET status = 'skipped', note = $1 WHERE platform = $2 AND chat_id = $3 AND local_date = $4 AND status = 'claimed'`,
      [reason, address.platform, address.chatId, localDate],
    );
  }

  async listUnsent(): Promise<Delivery[]> {
    const { rows } = await this.db.query<DeliveryRow>(`SELECT * FROM deliveries WHERE status = 'claimed' ORDER BY due_at`);
    return rows.flatMap((row) => toDeliveries(row, this.logger));
  }

  async leaseClaims(owner: string, now: number, until: number, platforms?: readonly ChatAddress['platform'][]): Promise<Delivery[]> {
    // The claims are locked first, skipping those another instance is renewing or taking at this moment.
    const { rows } = await this.db.query<DeliveryRow>(
      `UPDATE deliveries d SET owner = $1, lease_until = $2
       FROM (SELECT platform, chat_id, local_date FROM deliveries
             WHERE status = 'claimed' AND (owner = $1 OR lease_until <= $3) AND ($4::text[] IS NULL OR platform = ANY($4::text[]))
             FOR UPDATE SKIP LOCKED) c
       WHERE d.platform = c.platform AND d.chat_id = c.chat_id AND d.local_date = c.local_date
       RETURNING d.*`,
      [owner, until, now, platforms ? [...platforms] : null],
    );
    return rows.flatMap((row) => toDeliveries(row, this.logger)).sort((a, b) => a.dueAt - b.dueAt);
  }

  async releaseClaims(owner: string): Promise<void> {
    await this.db.query(`UPDATE deliveries SET lease_until = 0 WHERE status = 'claimed' AND owner = $1`, [owner]);
  }

  async recent(address: ChatAddress, limit: number): Promise<Delivery[]> {
    const { rows } = await this.db.query<DeliveryRow>('SELECT * FROM deliveries WHERE platform = $1 AND chat_id = $2 ORDER BY local_date DESC LIMIT $3', [
      address.platform,
      address.chatId,
      limit,
    ]);
    return rows.flatMap((row) => toDeliveries(row, this.logger));
  }

  async shown(address: ChatAddress, track: RotationTrack): Promise<Set<string>> {
    const { rows } = await this.db.query<{ fact_id: string }>('SELECT fact_id FROM post_rotation WHERE platform = $1 AND chat_id = $2 AND track = $3', [
      address.platform,
      address.chatId,
      track,
    ]);
    return new Set(rows.map((r) => r.fact_id));
  }

  moveChat(from: ChatAddress, toChatId: string): Promise<void> {
    return this.db.transaction(async () => {
      await moveRows(this.db, 'subscriptions', [], from, toChatId);
      await moveRows(this.db, 'deliveries', ['local_date'], from, toChatId);
      await moveRows(this.db, 'post_rotation', ['track', 'fact_id'], from, toChatId);
    });
  }
}
