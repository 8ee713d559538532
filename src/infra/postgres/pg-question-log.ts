import { QUESTION_LOG_LIMITS, type FeedbackTicket, type LoggedQuestion, type LogQuery, type QuestionLogRepository } from '../../core/questions/question-log.js';
import type { QuestionLogLimits } from '../sqlite/sqlite-question-log.js';
import type { PgDb } from './pg-db.js';
import { ENTRY_COLUMNS as COLUMNS, toFeedbackTicket, toLoggedQuestion } from '../sql/question-log-rows.js';

/** The question log in PostgreSQL, shared by every instance (one log for the bot). */
export class PgQuestionLog implements QuestionLogRepository {
  constructor(
    private readonly db: PgDb,
    private readonly limits: QuestionLogLimits = QUESTION_LOG_LIMITS,
  ) {}

  add(e: LoggedQuestion, ticket?: string): Promise<boolean> {
    // The insert and the trim commit together: the cap holds after every add.
    return this.db.transaction(async () => {
      const { rows } = await this.db.query<{ id: number }>(
        `INSERT INTO question_log (text, lang, status, fact_id, score, platform, chat_kind, asker, ticket, asked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
        [e.text, e.lang, e.status, e.factId ?? null, e.score, e.platform, e.chatKind, e.asker, ticket ?? null, e.at],
      );
      const id = rows[0]?.id;
      if (id === undefined) return false;
      await this.db.query('DELETE FROM question_log WHERE id <= $1', [id - this.limits.entries]);
      return true;
    });
  }

  async list(query: LogQuery): Promise<LoggedQuestion[]> {
    const { rows } = query.lang
      ? await this.db.query(`SELECT ${COLUMNS} FROM question_log WHERE asked_at >= $1 AND lang = $2 ORDER BY id`, [query.since, query.lang])
      : await this.db.query(`SELECT ${COLUMNS} FROM question_log WHERE asked_at >= $1 ORDER BY id`, [query.since]);
    return rows.map(toLoggedQuestion);
  }

  async count(): Promise<number> {
    return (await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM question_log')).rows[0]?.n ?? 0;
  }

  purge(before: number, now: number): Promise<number> {
    return this.db.transaction(async () => {
      await this.db.query('DELETE FROM feedback_tickets WHERE expires_at <= $1', [now]);
      return (await this.db.query('DELETE FROM question_log WHERE asked_at < $1', [before])).rowCount ?? 0;
    });
  }

  addTicket(t: FeedbackTicket): Promise<void> {
    return this.db.transaction(async () => {
      const { rows } = await this.db.query<{ seq: number }>(
        `INSERT INTO feedback_tickets (id, text, lang, fact_id, score, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET text = excluded.text, lang = excluded.lang, fact_id = excluded.fact_id, score = excluded.score,
           expires_at = excluded.expires_at, seq = nextval(pg_get_serial_sequence('feedback_tickets', 'seq'))
         RETURNING seq`,
        [t.id, t.text, t.lang, t.factId ?? null, t.score, t.expiresAt],
      );
      const seq = rows[0]?.seq;
      if (seq !== undefined) await this.db.query('DELETE FROM feedback_tickets WHERE seq <= $1', [seq - this.limits.tickets]);
    });
  }

  async ticket(id: string, now: number): Promise<FeedbackTicket | undefined> {
    const { rows } = await this.db.query('SELECT id, text, lang, fact_id, score, expires_at FROM feedback_tickets WHERE id = $1 AND expires_at > $2', [id, now]);
    return rows[0] ? toFeedbackTicket(rows[0]) : undefined;
  }
}
