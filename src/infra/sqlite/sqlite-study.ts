import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Lang } from '../../core/facts/schema.js';
import type { ChatAddress } from '../../core/messenger.js';
import { silentLogger, type Logger } from '../../core/ports.js';
import { storedQuestionsSchema } from '../../core/study/quiz.js';
import type { ReviewCard, ScoreLine, StudyAnswer, StudyRepository, StudySession } from '../../core/study/study-store.js';
import type { Synchronous } from './gate.js';

interface SessionRow {
  id: number;
  platform: string;
  chat_id: string;
  starter_id: string;
  chat_kind: string;
  lang: string;
  topic: string | null;
  questions: string;
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
  correct: number;
  fact_id: string;
  kind: string;
  topics: string;
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

/** Why a stored session cannot be shown: its questions do not parse (a bug, a hand edit, a format older than any reader). */
class UnreadableSession extends Error {
  constructor(readonly row: SessionRow, readonly issues: string) {
    super(`study session ${row.id}: questions do not parse: ${issues}`);
    this.name = 'UnreadableSession';
  }
}

function parseQuestions(r: SessionRow) {
  let raw: unknown;
  try {
    raw = JSON.parse(r.questions);
  } catch (e) {
    throw new UnreadableSession(r, (e as Error).message);
  }
  const parsed = storedQuestionsSchema.safeParse(raw);
  if (!parsed.success) throw new UnreadableSession(r, z.prettifyError(parsed.error).replace(/\s+/g, ' '));
  return parsed.data;
}

const stringList = z.array(z.string());

function toSession(r: SessionRow): StudySession {
  return {
    id: r.id,
    address: { platform: r.platform as Platform, chatId: r.chat_id },
    starterId: r.starter_id,
    chatKind: r.chat_kind === 'private' ? 'private' : 'group',
    lang: r.lang as Lang,
    ...(r.topic ? { topic: r.topic } : {}),
    questions: parseQuestions(r),
    current: r.current,
    roundOpenedAt: r.round_opened_at,
    status: r.status === 'ended' ? 'ended' : 'active',
    startedAt: r.started_at,
  };
}

function toAnswer(r: AnswerRow): StudyAnswer {
  return {
    sessionId: r.session_id,
    round: r.round,
    address: { platform: r.platform as Platform, chatId: r.chat_id },
    userId: r.user_id,
    ...(r.user_name ? { userName: r.user_name } : {}),
    choice: r.choice,
    correct: r.correct === 1,
    factId: r.fact_id,
    kind: r.kind,
    topics: parseTopics(r.topics),
    answeredAt: r.answered_at,
  };
}

/** An answer's topics; an unreadable list counts as none (the answer itself still counts). */
function parseTopics(json: string): string[] {
  try {
    const parsed = stringList.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function toReview(r: ReviewRow): ReviewCard {
  return { id: r.id, platform: r.platform as Platform, userId: r.user_id, factId: r.fact_id, kind: r.kind, card: r.card, due: r.due, reps: r.reps };
}

/** Study sessions, answers and review cards in SQLite (tables of migrations 003 and 004). */
export class SqliteStudyRepository implements Synchronous<StudyRepository> {
  // Prepared once: a button press reads the session and writes an answer, and compiling SQL on each would be wasted.
  private readonly q;

  /** @param logger where a session that cannot be read is reported */
  constructor(
    private readonly db: Database.Database,
    private readonly logger: Logger = silentLogger,
  ) {
    this.q = {
      createSession: db.prepare(
        `INSERT INTO study_sessions (platform, chat_id, starter_id, chat_kind, lang, topic, questions, current, round_opened_at, status, started_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)
         ON CONFLICT DO NOTHING`,
      ),
      session: db.prepare<[number], SessionRow>('SELECT * FROM study_sessions WHERE id = ?'),
      activeSession: db.prepare<[string, string], SessionRow>("SELECT * FROM study_sessions WHERE platform = ? AND chat_id = ? AND status = 'active'"),
      activeSessions: db.prepare<[], SessionRow>("SELECT * FROM study_sessions WHERE status = 'active' ORDER BY id"),
      advance: db.prepare("UPDATE study_sessions SET current = current + 1, round_opened_at = ? WHERE id = ? AND current = ? AND status = 'active'"),
      end: db.prepare("UPDATE study_sessions SET status = 'ended', ended_at = ? WHERE id = ? AND current = ? AND status = 'active'"),
      openRound: db.prepare("UPDATE study_sessions SET round_opened_at = ? WHERE id = ? AND current = ? AND status = 'active'"),
      // ended_at stays empty: the session did not end, it was given up as unreadable.
      endUnreadable: db.prepare("UPDATE study_sessions SET status = 'ended' WHERE id = ? AND status = 'active'"),
      addAnswer: db.prepare(
        `INSERT INTO study_answers (session_id, round, platform, chat_id, user_id, user_name, choice, correct, fact_id, kind, topics, answered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      answers: db.prepare<[number], AnswerRow>('SELECT * FROM study_answers WHERE session_id = ? ORDER BY round, answered_at, rowid'),
      roundAnswers: db.prepare<[number, number], AnswerRow>('SELECT * FROM study_answers WHERE session_id = ? AND round = ? ORDER BY answered_at, rowid'),
      scores: db.prepare<[string, string, number], { user_id: string; user_name: string | null; correct: number; answered: number; first_correct_at: number | null }>(
        `SELECT user_id,
                (SELECT user_name FROM study_answers b WHERE b.platform = a.platform AND b.user_id = a.user_id AND b.user_name IS NOT NULL
                 ORDER BY answered_at DESC, rowid DESC LIMIT 1) AS user_name,
                SUM(correct) AS correct, COUNT(*) AS answered,
                MIN(CASE WHEN correct = 1 THEN answered_at END) AS first_correct_at
         FROM study_answers a WHERE platform = ? AND chat_id = ? AND answered_at >= ?
         GROUP BY platform, user_id
         ORDER BY correct DESC, answered ASC, first_correct_at IS NULL, first_correct_at ASC, user_id`,
      ),
      userAnswers: db.prepare<[{ platform: string; userId: string }], { correct: number; topics: string; answered_at: number }>(
        // Questions of the day count too (not a "Show the answer" pressed before choosing: choice -1).
        `SELECT correct, topics, answered_at FROM (
           SELECT correct, topics, answered_at, 0 AS source, rowid AS seq FROM study_answers WHERE platform = @platform AND user_id = @userId
           UNION ALL
           SELECT correct, topics, answered_at, 1 AS source, rowid AS seq FROM daily_answers WHERE platform = @platform AND user_id = @userId AND choice >= 0
         ) ORDER BY answered_at, source, seq`,
      ),
      reviewCard: db.prepare<[string, string, string, string], ReviewRow>('SELECT * FROM study_reviews WHERE platform = ? AND user_id = ? AND fact_id = ? AND kind = ?'),
      reviewCardById: db.prepare<[number], ReviewRow>('SELECT * FROM study_reviews WHERE id = ?'),
      saveReviewCard: db.prepare(
        `INSERT INTO study_reviews (platform, user_id, fact_id, kind, card, due, reps) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, user_id, fact_id, kind) DO UPDATE SET card = excluded.card, due = excluded.due, reps = excluded.reps`,
      ),
      deleteReviewCard: db.prepare('DELETE FROM study_reviews WHERE id = ?'),
      dueReviews: db.prepare<[string, string, number, number], ReviewRow>(
        'SELECT * FROM study_reviews WHERE platform = ? AND user_id = ? AND due <= ? ORDER BY due, id LIMIT ?',
      ),
      nextReviewDue: db.prepare<[string, string], { due: number | null }>('SELECT MIN(due) AS due FROM study_reviews WHERE platform = ? AND user_id = ?'),
      holdTimer: db.prepare("UPDATE study_sessions SET timer_owner = ?, timer_lease_until = ? WHERE id = ? AND status = 'active'"),
      releaseTimers: db.prepare("UPDATE study_sessions SET timer_lease_until = 0 WHERE timer_owner = ? AND status = 'active'"),
    };
  }

  createSession(s: Omit<StudySession, 'id'>): number | undefined {
    const result = this.q.createSession.run(
      s.address.platform, s.address.chatId, s.starterId, s.chatKind, s.lang, s.topic ?? null, JSON.stringify(s.questions), s.current, s.roundOpenedAt, s.startedAt,
    );
    return result.changes === 1 ? Number(result.lastInsertRowid) : undefined;
  }

  session(id: number): StudySession | undefined {
    const row = this.q.session.get(id);
    return row ? this.readable(row) : undefined;
  }

  activeSession(address: ChatAddress): StudySession | undefined {
    const row = this.q.activeSession.get(address.platform, address.chatId);
    return row ? this.readable(row) : undefined;
  }

  activeSessions(): StudySession[] {
    return this.q.activeSessions.all().flatMap((row) => this.readable(row) ?? []);
  }

  /**
   * The session of a row, or undefined when its questions do not parse: that is logged, and an active such
   * session is ended (it cannot be shown, and left active it would block its chat from starting another).
   */
  private readable(row: SessionRow): StudySession | undefined {
    try {
      return toSession(row);
    } catch (e) {
      if (!(e instanceof UnreadableSession)) throw e;
      this.logger.warn({ sessionId: row.id, platform: row.platform, issues: e.issues }, 'study session skipped: its stored questions do not parse');
      if (row.status === 'active') this.q.endUnreadable.run(row.id);
      return undefined;
    }
  }

  advance(id: number, from: number, openedAt: number): boolean {
    return this.q.advance.run(openedAt, id, from).changes === 1;
  }

  openRound(id: number, round: number, openedAt: number): boolean {
    return this.q.openRound.run(openedAt, id, round).changes === 1;
  }

  end(id: number, at: number, endedAt: number): boolean {
    return this.q.end.run(endedAt, id, at).changes === 1;
  }

  addAnswer(a: StudyAnswer): boolean {
    return (
      this.q.addAnswer.run(
        a.sessionId, a.round, a.address.platform, a.address.chatId, a.userId, a.userName ?? null, a.choice, a.correct ? 1 : 0, a.factId, a.kind, JSON.stringify(a.topics), a.answeredAt,
      ).changes === 1
    );
  }

  answers(sessionId: number, round?: number): StudyAnswer[] {
    const rows = round === undefined ? this.q.answers.all(sessionId) : this.q.roundAnswers.all(sessionId, round);
    return rows.map(toAnswer);
  }

  /** Ordered as `ranked` orders them: more right, fewer answered, earlier first right answer, then user id. */
  scores(address: ChatAddress, since = 0): ScoreLine[] {
    return this.q.scores.all(address.platform, address.chatId, since).map((r) => ({
      userId: r.user_id,
      ...(r.user_name ? { userName: r.user_name } : {}),
      correct: r.correct,
      answered: r.answered,
      ...(r.first_correct_at !== null ? { firstCorrectAt: r.first_correct_at } : {}),
    }));
  }

  userAnswers(platform: Platform, userId: string): Pick<StudyAnswer, 'correct' | 'topics' | 'answeredAt'>[] {
    return this.q.userAnswers
      .all({ platform, userId })
      .map((r) => ({ correct: r.correct === 1, topics: parseTopics(r.topics), answeredAt: r.answered_at }));
  }

  reviewCard(platform: Platform, userId: string, factId: string, kind: string): ReviewCard | undefined {
    const row = this.q.reviewCard.get(platform, userId, factId, kind);
    return row ? toReview(row) : undefined;
  }

  reviewCardById(id: number): ReviewCard | undefined {
    const row = this.q.reviewCardById.get(id);
    return row ? toReview(row) : undefined;
  }

  saveReviewCard(c: Omit<ReviewCard, 'id'>): void {
    this.q.saveReviewCard.run(c.platform, c.userId, c.factId, c.kind, c.card, c.due, c.reps);
  }

  deleteReviewCard(id: number): void {
    this.q.deleteReviewCard.run(id);
  }

  dueReviews(platform: Platform, userId: string, now: number, limit: number): ReviewCard[] {
    return this.q.dueReviews.all(platform, userId, now, limit).map(toReview);
  }

  nextReviewDue(platform: Platform, userId: string): number | undefined {
    return this.q.nextReviewDue.get(platform, userId)?.due ?? undefined;
  }

  moveChat(from: ChatAddress, toChatId: string): void {
    this.db.transaction(() => {
      for (const table of ['study_sessions', 'study_answers'])
        this.db.prepare(`UPDATE OR REPLACE ${table} SET chat_id = ? WHERE platform = ? AND chat_id = ?`).run(toChatId, from.platform, from.chatId);
    })();
  }

  holdTimer(id: number, owner: string, until: number): void {
    this.q.holdTimer.run(owner, until, id);
  }

  leaseTimers(owner: string, now: number, until: number, platforms?: readonly Platform[]): StudySession[] {
    if (platforms?.length === 0) return [];
    const sql = `UPDATE study_sessions SET timer_owner = ?, timer_lease_until = ?
       WHERE status = 'active' AND (timer_owner = ? OR timer_lease_until <= ?)${platforms ? ` AND platform IN (${platforms.map(() => '?').join(', ')})` : ''}
       RETURNING *`;
    const rows = this.db.prepare<unknown[], SessionRow>(sql).all(owner, until, owner, now, ...(platforms ?? []));
    return rows.sort((a, b) => a.id - b.id).flatMap((row) => this.readable(row) ?? []);
  }

  releaseTimers(owner: string): void {
    this.q.releaseTimers.run(owner);
  }
}
