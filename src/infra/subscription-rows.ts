/**
 * The rows of the subscriptions and deliveries tables as both stores read them, and their reading into the
 * core's types: one mapping for SQLite (flags as 0/1, the plan as JSON text) and PostgreSQL (booleans, jsonb).
 */
import type { ChatAddress } from '../core/messenger.js';
import type { Logger } from '../core/ports.js';
import { readStoredPlan } from '../core/subscriptions/post-plan.js';
import type { Delivery, Subscription } from '../core/subscriptions/subscription-repository.js';

/** A flag as a store keeps it: SQLite 0/1, PostgreSQL boolean. */
type Flag = number | boolean;

/** A row of `subscriptions`. */
export interface SubscriptionRow {
  platform: string;
  chat_id: string;
  post_minutes: number;
  time_zone: string;
  active: Flag;
  start_date: string;
  changed_at: number;
  last_local_date: string | null;
  is_group: Flag;
}

/** A row of `deliveries`; `plan` is JSON text (SQLite) or the decoded jsonb value (PostgreSQL). */
export interface DeliveryRow {
  platform: string;
  chat_id: string;
  local_date: string;
  due_at: number;
  plan: unknown;
  status: Delivery['status'];
  is_group: Flag;
  owner: string | null;
  lease_until: number;
}

/** Reads a subscription row. */
export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    address: { platform: row.platform as ChatAddress['platform'], chatId: row.chat_id },
    postMinutes: row.post_minutes,
    timeZone: row.time_zone,
    active: Boolean(row.active),
    startDate: row.start_date,
    changedAt: row.changed_at,
    ...(row.last_local_date ? { lastLocalDate: row.last_local_date } : {}),
    group: Boolean(row.is_group),
  };
}

/** Reads a delivery row: none when its plan does not parse (readStoredPlan logs it), so a bad row never stops the others. */
export function toDeliveries(row: DeliveryRow, logger: Logger): Delivery[] {
  const address = { platform: row.platform as ChatAddress['platform'], chatId: row.chat_id };
  const plan = readStoredPlan(row.plan, { address, localDate: row.local_date }, logger);
  if (!plan) return [];
  return [
    {
      address,
      localDate: row.local_date,
      dueAt: row.due_at,
      plan,
      status: row.status,
      group: Boolean(row.is_group),
      ...(row.owner ? { owner: row.owner } : {}),
      leaseUntil: row.lease_until,
    },
  ];
}
