import type { ChatAddress } from '../messenger.js';
import type { ChatKeyed } from '../store/chat-settings.js';
import type { PostPlan } from './post-plan.js';

/** A chat's daily-post subscription. */
export interface Subscription {
  address: ChatAddress;
  /** Local post time, minutes after midnight. */
  postMinutes: number;
  /** IANA time zone. */
  timeZone: string;
  /** False while the chat is paused (the bot was removed or blocked). */
  active: boolean;
  /** The first local date that gets a post (a new subscription never posts for a time already past). */
  startDate: string;
  /** When the time or zone last changed (epoch ms): a post time moved into the past is posted at once. */
  changedAt: number;
  /** The newest local date a delivery was claimed for. */
  lastLocalDate?: string;
  /** Whether the chat is a group (stricter send rates on Telegram). */
  group: boolean;
}

/** What a new or changed subscription sets. */
export type SubscriptionInput = Pick<Subscription, 'address' | 'postMinutes' | 'timeZone' | 'startDate' | 'changedAt' | 'group'>;

/**
 * One day's post to one chat: claimed before it is sent, marked sent after. A claim belongs to one owner (a
 * running process) until its lease expires; only then may another owner take it over.
 */
export interface Delivery {
  address: ChatAddress;
  /** The local date (in the chat's zone when claimed) the post is for. */
  localDate: string;
  /** When the post was due (epoch ms): too old, and an unsent claim is skipped instead of sent. */
  dueAt: number;
  plan: PostPlan;
  status: 'claimed' | 'sent' | 'skipped';
  group: boolean;
  /** The process that holds the claim (none for claims older than owners). */
  owner?: string;
  /** Until when (epoch ms) the owner holds the claim; 0 when released. */
  leaseUntil: number;
}

/** A claim: the delivery, and the rotation entries its plan uses up, written in one transaction. */
export interface Claim {
  address: ChatAddress;
  localDate: string;
  dueAt: number;
  plan: PostPlan;
  claimedAt: number;
  /** The claiming process, and until when it holds the claim (epoch ms). */
  owner: string;
  leaseUntil: number;
  /** Rotation entries to record (track → fact id); a track listed in `resetTracks` is emptied first. */
  shown: { track: RotationTrack; factId: string }[];
  resetTracks: RotationTrack[];
}

/** Rotations kept per chat: the fact of the day and the question of the day. */
export type RotationTrack = 'fact' | 'question';

/**
 * Subscriptions and their deliveries, owned by the core and implemented by a store (SQLite by default).
 * Every method that writes more than one row does so in one transaction.
 */
export interface SubscriptionRepository extends ChatKeyed {
  get(address: ChatAddress): Promise<Subscription | undefined>;
  /** Creates the subscription, or changes time, zone and start of an existing one; it becomes active. */
  save(input: SubscriptionInput): Promise<void>;
  /** Deletes the subscription; false when there was none. Past deliveries stay (no repeat after re-subscribing). */
  delete(address: ChatAddress): Promise<boolean>;
  /** Pauses or resumes a subscription (when there is one). */
  setActive(address: ChatAddress, active: boolean): Promise<void>;
  /** Active subscriptions of chats that are not paused: the scheduler decides which are due. */
  listActive(): Promise<Subscription[]>;

  /**
   * Claims the delivery for (chat, local date), unless one exists for that date or a later one. Records the
   * plan's rotation entries and the chat's newest local date with it. True when this call claimed it.
   */
  claim(claim: Claim): Promise<boolean>;
  /**
   * Inside a transaction, before claiming: locks the subscriptions among `due` that still need the given date
   * (their newest claimed date is older) and that no other transaction holds, and returns those. Another
   * instance claiming at the same time skips them (`FOR UPDATE SKIP LOCKED` on a server database), so
   * instances split the fan-out instead of composing the same posts.
   */
  lockDue(due: { address: ChatAddress; localDate: string }[]): Promise<ChatAddress[]>;
  markSent(address: ChatAddress, localDate: string, messageId: string, sentAt: number): Promise<void>;
  /** Gives up a delivery (the chat is gone, or the claim is too old to post). */
  markSkipped(address: ChatAddress, localDate: string, reason: string): Promise<void>;
  /** Claimed deliveries not yet sent (a crash or a failure came between claim and send), whoever owns them. */
  listUnsent(): Promise<Delivery[]>;
  /**
   * In one atomic step: renews the leases of `owner`'s unsent claims and takes over the unsent claims whose
   * lease has expired (their owner stopped or crashed), all until `until`. Returns every unsent claim
   * `owner` holds afterwards, oldest due first. A claim whose lease is still running stays with its owner.
   * With `platforms`, only claims to chats on those platforms are taken over (an instance without Discord
   * leaves Discord's posts to one that has it).
   * (A shared server database does this with `SELECT … FOR UPDATE SKIP LOCKED`.)
   */
  leaseClaims(owner: string, now: number, until: number, platforms?: readonly ChatAddress['platform'][]): Promise<Delivery[]>;
  /** Ends the leases of `owner`'s unsent claims at once (a graceful stop), so that a successor takes them over without waiting. */
  releaseClaims(owner: string): Promise<void>;
  /** The chat's newest deliveries, newest first. */
  recent(address: ChatAddress, limit: number): Promise<Delivery[]>;
  /** Fact ids shown on a rotation track since its last reset. */
  shown(address: ChatAddress, track: RotationTrack): Promise<Set<string>>;
}
