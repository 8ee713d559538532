import type Database from 'better-sqlite3';
import type { ChatAddress } from '../../core/messenger.js';
import { silentLogger, type Logger } from '../../core/ports.js';
import { toDeliveries, toSubscription, type DeliveryRow, type SubscriptionRow } from '../subscription-rows.js';
import type { Synchronous } from './gate.js';
import type {
  Claim,
  Delivery,
  RotationTrack,
  Subscription,
  SubscriptionInput,
  SubscriptionRepository,
} from '../../core/subscriptions/subscription-repository.js';

/** Subscriptions, deliveries and rotations in SQLite; every multi-row write is one transaction. */
export class SqliteSubscriptions implements Synchronous<SubscriptionRepository> {
  private readonly q;

  /** @param logger where a delivery whose stored plan does not parse is reported (and left out) */
  constructor(
    private readonly db: Database.Database,
    private readonly logger: Logger = silentLogger,
  ) {
    this.q = {
      get: db.prepare<[string, string], SubscriptionRow>('SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ?'),
      save: db.prepare(
        `INSERT INTO subscriptions (platform, chat_id, post_minutes, time_zone, active, start_date, changed_at, is_group)
         VALUES (@platform, @chatId, @postMinutes, @timeZone, 1, @startDate, @changedAt, @group)
         ON CONFLICT (platform, chat_id) DO UPDATE SET post_minutes = excluded.post_minutes, time_zone = excluded.time_zone,
           active = 1, start_date = excluded.start_date, changed_at = excluded.changed_at, is_group = excluded.is_group`,
      ),
      delete: db.prepare('DELETE FROM subscriptions WHERE platform = ? AND chat_id = ?'),
      setActive: db.prepare('UPDATE subscriptions SET active = ? WHERE platform = ? AND chat_id = ?'),
      listActive: db.prepare<[], SubscriptionRow>(
        `SELECT s.* FROM subscriptions s LEFT JOIN chats c ON c.platform = s.platform AND c.chat_id = s.chat_id
         WHERE s.active = 1 AND COALESCE(c.paused, 0) = 0`,
      ),
      newest: db.prepare<[string, string], { local_date: string | null }>(
        'SELECT MAX(local_date) AS local_date FROM deliveries WHERE platform = ? AND chat_id = ?',
      ),
      insertDelivery: db.prepare(
        `INSERT INTO deliveries (platform, chat_id, local_date, due_at, plan, status, is_group, claimed_at, owner, lease_until)
         VALUES (?, ?, ?, ?, ?, 'claimed', ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      setLastDate: db.prepare('UPDATE subscriptions SET last_local_date = ? WHERE platform = ? AND chat_id = ?'),
      markSent: db.prepare(
        `UPDATE deliveries SET status = 'sent', message_id = ?, sent_at = ? WHERE platform = ? AND chat_id = ? AND local_date = ? AND status = 'claimed'`,
      ),
      markSkipped: db.prepare(
        `UPDATE deliveries SET status = 'skipped', note = ? WHERE platform = ? AND chat_id = ? AND local_date = ? AND status = 'claimed'`,
      ),
      unsent: db.prepare<[], DeliveryRow>(`SELECT * FROM deliveries WHERE status = 'claimed' ORDER BY due_at`),
      // One statement, so atomic: another process's claim changes hands only once its lease has run out.
      leaseClaims: db.prepare<[string, number, string, number], DeliveryRow>(
        `UPDATE deliveries SET owner = ?, lease_until = ?
         WHERE status = 'claimed' AND (owner = ? OR lease_until <= ?) RETURNING *`,
      ),
      lockDue: db.prepare<[string, string], { last_local_date: string | null }>('SELECT last_local_date FROM subscriptions WHERE platform = ? AND chat_id = ?'),
      releaseClaims: db.prepare(`UPDATE deliveries SET lease_until = 0 WHERE status = 'claimed' AND owner = ?`),
      recent: db.prepare<[string, string, number], DeliveryRow>(
        'SELECT * FROM deliveries WHERE platform = ? AND chat_id = ? ORDER BY local_date DESC LIMIT ?',
      ),
      shown: db.prepare<[string, string, string], { fact_id: string }>(
        'SELECT fact_id FROM post_rotation WHERE platform = ? AND chat_id = ? AND track = ?',
      ),
      resetTrack: db.prepare('DELETE FROM post_rotation WHERE platform = ? AND chat_id = ? AND track = ?'),
      addShown: db.prepare('INSERT OR REPLACE INTO post_rotation (platform, chat_id, track, fact_id, shown_at) VALUES (?, ?, ?, ?, ?)'),
    };
  }

  get(address: ChatAddress): Subscription | undefined {
    const row = this.q.get.get(address.platform, address.chatId);
    return row ? toSubscription(row) : undefined;
  }

  save(input: SubscriptionInput): void {
    this.q.save.run({
      platform: input.address.platform,
      chatId: input.address.chatId,
      postMinutes: input.postMinutes,
      timeZone: input.timeZone,
      startDate: input.startDate,
      changedAt: input.changedAt,
      group: input.group ? 1 : 0,
    });
  }

  delete(address: ChatAddress): boolean {
    return this.q.delete.run(address.platform, address.chatId).changes > 0;
  }

  setActive(address: ChatAddress, active: boolean): void {
    this.q.setActive.run(active ? 1 : 0, address.platform, address.chatId);
  }

  listActive(): Subscription[] {
    return this.q.listActive.all().map(toSubscription);
  }

  claim(claim: Claim): boolean {
    const { platform, chatId } = claim.address;
    return this.db.transaction(() => {
      // "Already posted for this local date, or a later one" (a zone moved west across midnight).
      const newest = this.q.newest.get(platform, chatId)?.local_date;
      if (newest && newest >= claim.localDate) return false;
      const sub = this.q.get.get(platform, chatId);
      const inserted = this.q.insertDelivery.run(
        platform,
        chatId,
        claim.localDate,
        claim.dueAt,
        JSON.stringify(claim.plan),
        sub?.is_group ?? 0,
        claim.claimedAt,
        claim.owner,
        claim.leaseUntil,
      );
      if (inserted.changes === 0) return false;
      this.q.setLastDate.run(claim.localDate, platform, chatId);
      for (const track of claim.resetTracks) this.q.resetTrack.run(platform, chatId, track);
      for (const s of claim.shown) this.q.addShown.run(platform, chatId, s.track, s.factId, claim.claimedAt);
      return true;
    })();
  }

  markSent(address: ChatAddress, localDate: string, messageId: string, sentAt: number): void {
    this.q.markSent.run(messageId, sentAt, address.platform, address.chatId, localDate);
  }

  markSkipped(address: ChatAddress, localDate: string, reason: string): void {
    this.q.markSkipped.run(reason, address.platform, address.chatId, localDate);
  }

  listUnsent(): Delivery[] {
    return this.q.unsent.all().flatMap((row) => toDeliveries(row, this.logger));
  }

  lockDue(due: { address: ChatAddress; localDate: string }[]): ChatAddress[] {
    // One process writes an SQLite file at a time (the schedule lease): nothing to skip, only dates to check.
    return due
      .filter((d) => {
        const last = this.q.lockDue.get(d.address.platform, d.address.chatId)?.last_local_date;
        return !last || last < d.localDate;
      })
      .map((d) => d.address);
  }

  leaseClaims(owner: string, now: number, until: number, platforms?: readonly ChatAddress['platform'][]): Delivery[] {
    if (platforms?.length === 0) return [];
    const sql = `UPDATE deliveries SET owner = ?, lease_until = ?
       WHERE status = 'claimed' AND (owner = ? OR lease_until <= ?)${platforms ? ` AND platform IN (${platforms.map(() => '?').join(', ')})` : ''} RETURNING *`;
    return this.db
      .prepare<unknown[], DeliveryRow>(sql)
      .all(owner, until, owner, now, ...(platforms ?? []))
      .flatMap((row) => toDeliveries(row, this.logger))
      .sort((a, b) => a.dueAt - b.dueAt);
  }

  moveChat(from: ChatAddress, toChatId: string): void {
    this.db.transaction(() => {
      for (const table of ['subscriptions', 'deliveries', 'post_rotation'])
        this.db.prepare(`UPDATE OR REPLACE ${table} SET chat_id = ? WHERE platform = ? AND chat_id = ?`).run(toChatId, from.platform, from.chatId);
    })();
  }

  releaseClaims(owner: string): void {
    this.q.releaseClaims.run(owner);
  }

  recent(address: ChatAddress, limit: number): Delivery[] {
    return this.q.recent.all(address.platform, address.chatId, limit).flatMap((row) => toDeliveries(row, this.logger));
  }

  shown(address: ChatAddress, track: RotationTrack): Set<string> {
    return new Set(this.q.shown.all(address.platform, address.chatId, track).map((r) => r.fact_id));
  }
}
