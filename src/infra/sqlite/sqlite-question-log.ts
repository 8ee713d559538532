import type Database from 'better-sqlite3';
import {
  QUESTION_LOG_LIMITS,
  type FeedbackTicket,
  type LoggedQuestion,
  type LogQuery,
  type QuestionLogRepository,
} from '../../core/questions/question-log.js';
import { ENTRY_COLUMNS, toFeedbackTicket, toLoggedQuestion } from '../sql/question-log-rows.js';

/** How many rows each table keeps at most (tests pass small ones). */
export interface QuestionLogLimits {
  entries: number;
  tickets: number;
}

/**
 * The question log in SQLite (tables of migration 007). The async methods run their statement at once and
 * return a settled promise: better-sqlite3 is synchronous, and the interface is the one a server database
 * implements too.
 */
export class SqliteQuestionLog implements QuestionLogRepository {
  private readonly insert;
  private readonly trim;
  private readonly select;
  private readonly selectLang;
  private readonly countAll;
  private readonly purgeEntries;
  private readonly purgeTickets;
  private readonly insertTicket;
  private readonly trimTickets;
  private readonly selectTicket;
  private readonly addEntry;
  private readonly keepTicket;

  constructor(
    db: Database.Database,
    private readonly limits: QuestionLogLimits = QUESTION_LOG_LIMITS,
  ) {
    this.insert = db.prepare(
      `INSERT INTO question_log (text, lang, status, fact_id, score, platform, chat_kind, asker, ticket, asked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    // Ids only grow, so "the newest N" are those above the newest id minus N: one index range, no count.
    this.trim = db.prepare('DELETE FROM question_log WHERE id <= ?');
    const columns = ENTRY_COLUMNS;
    this.select = db.prepare<[number], unknown>(`SELECT ${columns} FROM question_log WHERE asked_at >= ? ORDER BY id`);
    this.selectLang = db.prepare<[number, string], unknown>(`SELECT ${columns} FROM question_log WHERE asked_at >= ? AND lang = ? ORDER BY id`);
    this.countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM question_log');
    this.purgeEntries = db.prepare('DELETE FROM question_log WHERE asked_at < ?');
    this.purgeTickets = db.prepare('DELETE FROM feedback_tickets WHERE expires_at <= ?');
    this.insertTicket = db.prepare('INSERT OR REPLACE INTO feedback_tickets (id, text, lang, fact_id, score, expires_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.trimTickets = db.prepare('DELETE FROM feedback_tickets WHERE seq <= ?');
    this.selectTicket = db.prepare<[string, number], unknown>('SELECT id, text, lang, fact_id, score, expires_at FROM feedback_tickets WHERE id = ? AND expires_at > ?');
    // The insert and the trim commit together: one write to the disk, and the cap holds after every add.
    this.addEntry = db.transaction((e: LoggedQuestion, ticket: string | null): boolean => {
      const result = this.insert.run(e.text, e.lang, e.status, e.factId ?? null, e.score, e.platform, e.chatKind, e.asker, ticket, e.at);
      if (result.changes === 0) return false;
      this.trim.run(Number(result.lastInsertRowid) - this.limits.entries);
      return true;
    });
    this.keepTicket = db.transaction((t: FeedbackTicket): void => {
      const result = this.insertTicket.run(t.id, t.text, t.lang, t.factId ?? null, t.score, t.expiresAt);
      this.trimTickets.run(Number(result.lastInsertRowid) - this.limits.tickets);
    });
  }

  add(e: LoggedQuestion, ticket?: string): Promise<boolean> {
    return settle(() => this.addEntry(e, ticket ?? null));
  }

  list(query: LogQuery): Promise<LoggedQuestion[]> {
    return settle(() => {
      const rows = query.lang ? this.selectLang.all(query.since, query.lang) : this.select.all(query.since);
      return rows.map(toLoggedQuestion);
    });
  }

  count(): Promise<number> {
    return settle(() => this.countAll.get()?.n ?? 0);
  }

  purge(before: number, now: number): Promise<number> {
    return settle(() => {
      this.purgeTickets.run(now);
      return this.purgeEntries.run(before).changes;
    });
  }

  addTicket(t: FeedbackTicket): Promise<void> {
    return settle(() => this.keepTicket(t));
  }

  ticket(id: string, now: number): Promise<FeedbackTicket | undefined> {
    return settle(() => {
      const row = this.selectTicket.get(id, now);
      return row === undefined ? undefined : toFeedbackTicket(row);
    });
  }
}

/** Runs a synchronous statement as a promise: its error becomes a rejection, never a throw. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
