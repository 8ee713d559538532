import { z } from 'zod';
import type { Lang } from '../../core/facts/schema.js';
import type { ChatAddress } from '../../core/messenger.js';
import { silentLogger, type Logger } from '../../core/ports.js';
import { storedQuestionsSchema } from '../../core/study/quiz.js';
import type { ReviewCard, ScoreLine, StudyAnswer, StudyRepository, StudySession } from '../../core/study/study-store.js';
import { topicsSchema } from '../sql/stored-json.js';
import { moveRows } from './pg-chats.js';
import type { PgDb } from './pg-db.js';

interface SessionRow {
  id: number;
  platform: string;
  chat_id: string;
  starter_id: string;
  chat_kind: string;
  lang: string;
  topic: string | null;
  questions: unknown;
  current: number;
  round_opened_at: number;
  status: string;
  started_at: number;
}

interface AnswerRow {
  session_id: number;
  round: number;
  platform: string;
  chat_id: string;
  user_id: string;
  user_name: string | null;
  choice: number;
  correct: boolean;
  fact_id: string;
  kind: string;
  topics: unknown;
  answered_at: number;
}

interface ReviewRow {
  id: number;
  platform: string;
  user_id: string;
  fact_id: string;
  kind: string;
  card: string;
  due: number;
  reps: number;
}

type Platform = ChatAddress['platform'];

function toAnswer(r: AnswerRow): StudyAnswer {
  const topics = topicsSchema.safeParse(r.topics);
  return {
    sessionId: r.session_id,
    round: r.round,
    address: { platform: r.platform as Platform, chatId: r.chat_id },
    userId: r.user_id,
    ...(r.user_name ? { userName: r.user_name } : {}),
    choice: r.choice,
    correct: r.correct,
    factId: r.fact_id,
    kind: r.kind,
    // An unreadable list counts as none (the answer itself still counts).
    topics: topics.success ? topics.data : [],
    answeredAt: r.answered_at,
  };
}

function toReview(r: ReviewRow): ReviewCard {
  return { id: r.id, platform: r.platform as Platform, userId: r.user_id, factId: r.fact_id, kind: r.kind, card: r.card, due: r.due, reps: r.reps };
}

/** Study sessions, answers, review cards and timer leases in PostgreSQL. */
export class PgStudyRepository implements StudyRepository {
  constructor(
    private readonly db: PgDb,
    private readonly logger: Logger = silentLogger,
  ) {}

  async createSession(s: Omit<StudySession, 'id'>): Promise<number | undefined> {
    const { rows } = await this.db.query<{ id: number }>(
      `INSERT INTO study_sessions (platform, chat_id, starter_id, chat_kind, lang, topic, questions, current, round_opened_at, status, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, 'active', $10)
       ON CONFLICT DO NOTHING RETURNING id`,
      [s.address.platform, s.address.chatId, s.starterId, s.chatKind, s.lang, s.topic ?? null, JSON.stringify(s.questions), s.current, s.roundOpenedAt, s.startedAt],
    );
    return rows[0]?.id;
  }

  async session(id: number): Promise<StudySession | undefined> {
    const { rows } = await this.db.query<SessionRow>('SELECT * FROM study_sessions WHERE id = $1', [id]);
    return rows[0] ? this.readable(rows[0]) : undefined;
  }

  async activeSession(address: ChatAddress): Promise<StudySession | undefined> {
    const { rows } = await this.db.query<SessionRow>("SELECT * FROM study_sessions WHERE platform = $1 AND chat_id = $2 AND status = 'active'", [address.platform, address.chatId]);
    return rows[0] ? this.readable(rows[0]) : undefined;
  }

  async activeSessions(): Promise<StudySession[]> {
    const { rows } = await this.db.query<SessionRow>("SELECT * FROM study_sessions WHERE status = 'active' ORDER BY id");
    const out: StudySession[] = [];
    for (const row of rows) {
      const session = await this.readable(row);
      if (session) out.push(session);
    }
    return out;
  }

  /** The session of a row, or undefined when its questions do not parse: logged, and an active such session ended. */
  private async readable(r: SessionRow): Promise<StudySession | undefined> {
    const parsed = storedQuestionsSchema.safeParse(r.questions);
    if (!parsed.success) {
      this.logger.warn(
        { sessionId: r.id, platform: r.platform, issues: z.prettifyError(parsed.error).replace(/\s+/g, ' ') },
        'study session skipped: its stored questions do not parse',
      );
      if (r.status === 'active') await this.db.query("UPDATE study_sessions SET status = 'ended' WHERE id = $1 AND status = 'active'", [r.id]);
      return undefined;
    }
    return {
      id: r.id,
      address: { platform: r.platform as Platform, chatId: r.chat_id },
      starterId: r.starter_id,
      chatKind: r.chat_kind === 'private' ? 'private' : 'group',
      lang: r.lang as Lang,
      ...(r.topic ? { topic: r.topic } : {}),
      questions: parsed.data,
      current: r.current,
      roundOpenedAt: r.round_opened_at,
      status: r.status === 'ended' ? 'ended' : 'active',
      startedAt: r.started_at,
    };
  }

  async advance(id: number, from: number, openedAt: number): Promise<boolean> {
    const result = await this.db.query("UPDATE study_sessions SET current = current + 1, round_opened_at = $1 WHERE id = $2 AND current = $3 AND status = 'active'", [openedAt, id, from]);
    return result.rowCount === 1;
  }

  async openRound(id: number, round: number, openedAt: number): Promise<boolean> {
    const result = await this.db.query("UPDATE study_sessions SET round_opened_at = $1 WHERE id = $2 AND current = $3 AND status = 'active'", [openedAt, id, round]);
    return result.rowCount === 1;
  }

  async end(id: number, at: number, endedAt: number): Promise<boolean> {
    const result = await this.db.query("UPDATE study_sessions SET status = 'ended', ended_at = $1 WHERE id = $2 AND current = $3 AND status = 'active'", [endedAt, id, at]);
    return result.rowCount === 1;
  }

  async addAnswer(a: StudyAnswer): Promise<boolean> {
    const result = await this.db.query(
      `INSERT INTO study_answers (session_id, round, platform, chat_id, user_id, user_name, choice, correct, fact_id, kind, topics, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12) ON CONFLICT DO NOTHING`,
      [a.sessionId, a.round, a.address.platform, a.address.chatId, a.userId, a.userName ?? null, a.choice, a.correct, a.factId, a.kind, JSON.stringify(a.topics), a.answeredAt],
    );
    return result.rowCount === 1;
  }

  async answers(sessionId: number, round?: number): Promise<StudyAnswer[]> {
    const { rows } =
      round === undefined
        ? await this.db.query<AnswerRow>('SELECT * FROM study_answers WHERE session_id = $1 ORDER BY round, answered_at, seq', [sessionId])
        : await this.db.query<AnswerRow>('SELECT * FROM study_answers WHERE session_id = $1 AND round = $2 ORDER BY answered_at, seq', [sessionId, round]);
    return rows.map(toAnswer);
  }

  /** Ordered as `ranked` orders them: more right, fewer answered, earlier first right answer, then user id (byte order). */
  async scores(address: ChatAddress, since = 0): Promise<ScoreLine[]> {
    const { rows } = await this.db.query<{ user_id: string; user_name: string | null; correct: number; answered: number; first_correct_at: number | null }>(
      `SELECT user_id,
              (SELECT user_name FROM study_answers b WHERE b.platform = a.platform AND b.user_id = a.user_id AND b.user_name IS NOT NULL
               ORDER BY answered_at DESC, seq DESC LIMIT 1) AS user_name,
              COUNT(*) FILTER (WHERE correct)::int AS correct, COUNT(*)::int AS answered,
              MIN(answered_at) FILTER (WHERE correct) AS first_correct_at
       FROM study_answers a WHERE platform = $1 AND chat_id = $2 AND answered_at >= $3
       GROUP BY platform, user_id
       ORDER BY correct DESC, answered ASC, first_correct_at ASC NULLS LAST, user_id COLLATE "C"`,
      [address.platform, address.chatId, since],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      ...(r.user_name ? { userName: r.user_name } : {}),
      correct: r.correct,
      answered: r.answered,
      ...(r.first_correct_at !== null ? { firstCorrectAt: r.first_correct_at } : {}),
    }));
  }

  async userAnswers(platform: Platform, userId: string): Promise<Pick<StudyAnswer, 'correct' | 'topics' | 'answeredAt'>[]> {
    // Questions of the day count too (not a "Show the answer" pressed before choosing: choice -1).
    const { rows } = await this.db.query<{ correct: boolean; topics: unknown; answered_at: number }>(
      `SELECT correct, topics, answered_at FROM (
         SELECT correct, topics, answered_at, 0 AS source, seq FROM study_answers WHERE platform = $1 AND user_id = $2
         UNION ALL
         SELECT correct, topics, answered_at, 1 AS source, seq FROM daily_answers WHERE platform = $1 AND user_id = $2 AND choice >= 0
       ) u ORDER BY answered_at, source, seq`,
      [platform, userId],
    );
    return rows.map((r) => {
      const topics = topicsSchema.safeParse(r.topics);
      return { correct: r.correct, topics: topics.success ? topics.data : [], answeredAt: r.answered_at };
    });
  }

  async reviewCard(platform: Platform, userId: string, factId: string, kind: string): Promise<ReviewCard | undefined> {
    const { rows } = await this.db.query<ReviewRow>('SELECT * FROM study_reviews WHERE platform = $1 AND user_id = $2 AND fact_id = $3 AND kind = $4', [platform, userId, factId, kind]);
    return rows[0] ? toReview(rows[0]) : undefined;
  }

  async reviewCardById(id: number): Promise<ReviewCard | undefined> {
    const { rows } = await this.db.query<ReviewRow>('SELECT * FROM study_reviews WHERE id = $1', [id]);
    return rows[0] ? toReview(rows[0]) : undefined;
  }

  async saveReviewCard(c: Omit<ReviewCard, 'id'>): Promise<void> {
    await this.db.query(
      `INSERT INTO study_reviews (platform, user_id, fact_id, kind, card, due, reps) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (platform, user_id, fact_id, kind) DO UPDATE SET card = excluded.card, due = excluded.due, reps = excluded.reps`,
      [c.platform, c.userId, c.factId, c.kind, c.card, c.due, c.reps],
    );
  }

  async deleteReviewCard(id: number): Promise<void> {
    await this.db.query('DELETE FROM study_reviews WHERE id = $1', [id]);
  }

  async dueReviews(platform: Platform, userId: string, now: number, limit: number): Promise<ReviewCard[]> {
    const { rows } = await this.db.query<ReviewRow>('SELECT * FROM study_reviews WHERE platform = $1 AND user_id = $2 AND due <= $3 ORDER BY due, id LIMIT $4', [
      platform,
      userId,
      now,
      limit,
    ]);
    return rows.map(toReview);
  }

  async nextReviewDue(platform: Platform, userId: string): Promise<number | undefined> {
    const { rows } = await this.db.query<{ due: number | null }>('SELECT MIN(due) AS due FROM study_reviews WHERE platform = $1 AND user_id = $2', [platform, userId]);
    return rows[0]?.due ?? undefined;
  }

  moveChat(from: ChatAddress, toChatId: string): Promise<void> {
    return this.db.transaction(async () => {
      // One active session per chat: the moved chat's active session wins over one the new id had.
      await this.db.query(
        `UPDATE study_sessions t SET status = 'ended' WHERE t.platform = $1 AND t.chat_id = $3 AND t.status = 'active'
           AND EXISTS (SELECT 1 FROM study_sessions s WHERE s.platform = $1 AND s.chat_id = $2 AND s.status = 'active')`,
        [from.platform, from.chatId, toChatId],
      );
      await this.db.query('UPDATE study_sessions SET chat_id = $3 WHERE platform = $1 AND chat_id = $2', [from.platform, from.chatId, toChatId]);
      await moveRows(this.db, 'study_answers', ['session_id', 'round', 'user_id'], from, toChatId);
    });
  }

  async holdTimer(id: number, owner: string, until: number): Promise<void> {
    await this.db.query("UPDATE study_sessions SET timer_owner = $1, timer_lease_until = $2 WHERE id = $3 AND status = 'active'", [owner, until, id]);
  }

  async leaseTimers(owner: string, now: number, until: number, platforms?: readonly Platform[]): Promise<StudySession[]> {
    const { rows } = await this.db.query<SessionRow>(
      `UPDATE study_sessions s SET timer_owner = $1, timer_lease_until = $2
       FROM (SELECT id FROM study_sessions
             WHERE status = 'active' AND (timer_owner = $1 OR timer_lease_until <= $3) AND ($4::text[] IS NULL OR platform = ANY($4::text[]))
             FOR UPDATE SKIP LOCKED) c
       WHERE s.id = c.id
       RETURNING s.*`,
      [owner, until, now, platforms ? [...platforms] : null],
    );
    const out: StudySession[] = [];
    for (const row of rows.sort((a, b) => a.id - b.id)) {
      const session = await this.readable(row);
      if (session) out.push(session);
    }
    return out;
  }

  async releaseTimers(owner: string): Promise<void> {
    await this.db.query("UPDATE study_sessions SET timer_lease_until = 0 WHERE timer_owner = $1 AND status = 'active'", [owner]);
  }
}
