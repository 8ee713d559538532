/**
 * The question log: what the bot could not answer, kept to improve the fact base, and nothing that names who
 * asked. See README "Improving the answers" for what is stored and why.
 */
import type { ChatRequest } from '../chat/chat-service.js';
import type { Lang } from '../facts/schema.js';

/** Where a question came from, without saying who or which chat. */
export type LogPlatform = ChatRequest['platform'];

/**
 * Why a question is in the log: the bot declined (`unknown`), gave a best guess (`unsure`), or answered and a
 * member pressed "Not what I asked" (`wrong`).
 */
export type LoggedStatus = 'unknown' | 'unsure' | 'wrong';

/** One logged question. */
export interface LoggedQuestion {
  /** The question as typed, with e-mail addresses, phone numbers, long digit runs, links and @handles masked. */
  text: string;
  lang: Lang;
  status: LoggedStatus;
  /** The fact the bot leaned to (its best candidate), if any. */
  factId?: string;
  /** How likely the resolver found that fact (0..1). */
  score: number;
  platform: LogPlatform;
  chatKind: 'private' | 'group';
  /**
   * The asker as a salted hash whose salt changes every day and is never stored: it counts distinct askers of
   * a day and cannot be joined back to a person (nor to the same person on another day).
   */
  asker: string;
  /** When it was asked (or marked wrong), ms since the epoch. */
  at: number;
}

/**
 * An answer that carries a "Not what I asked" button: the question behind it, kept only until the button
 * expires, so that a press can log it without putting the question in the button's data.
 */
export interface FeedbackTicket {
  /** The short random id in the button's data. */
  id: string;
  /** The masked question. */
  text: string;
  lang: Lang;
  /** The fact the answer gave, and how likely the resolver found it. */
  factId?: string;
  score: number;
  /** After this (ms since the epoch) the ticket is gone and a press logs nothing. */
  expiresAt: number;
}

/** The log's size limits: past them the oldest rows are deleted as new ones come. */
export const QUESTION_LOG_LIMITS = {
  /** Logged questions kept at most (about 300 bytes each: some 15 MB). */
  entries: 50_000,
  /** Feedback tickets kept at most (the answers of roughly the last day). */
  tickets: 100_000,
} as const;

/** How long a "Not what I asked" button works after its answer. */
export const TICKET_TTL_MS = 24 * 3600_000;

/** What to read back from the log. */
export interface LogQuery {
  /** Entries from this time on (ms since the epoch). */
  since: number;
  lang?: Lang;
}

/**
 * The question log's storage. Every method returns a promise (a server database answers later); callers on the
 * reply path never await them (see question-recorder.ts).
 */
export interface QuestionLogRepository {
  /**
   * Adds an entry; with `ticket`, one entry per ticket and asker (a second press by the same member counts
   * once). Deletes the oldest entries beyond {@link QUESTION_LOG_LIMITS.entries}. False when it was a repeat.
   */
  add(entry: LoggedQuestion, ticket?: string): Promise<boolean>;
  /** Entries from `query.since` on, oldest first. */
  list(query: LogQuery): Promise<LoggedQuestion[]>;
  /** Number of entries. */
  count(): Promise<number>;
  /** Deletes entries asked before `before` and tickets expired by `now`; returns how many entries went. */
  purge(before: number, now: number): Promise<number>;
  /** Keeps a ticket until it expires (the oldest beyond {@link QUESTION_LOG_LIMITS.tickets} are dropped). */
  addTicket(ticket: FeedbackTicket): Promise<void>;
  /** The ticket, unless it is unknown or expired at `now`. */
  ticket(id: string, now: number): Promise<FeedbackTicket | undefined>;
}
