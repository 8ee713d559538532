import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ChatAddress } from '../../core/messenger.js';
import type { DailyAnswer, DailyAnswerRepository } from '../../core/subscriptions/daily-answers.js';

const PLATFORMS = ['telegram', 'discord', 'terminal'] as const;

/** A row as read back: checked, since the database may hold what an older or other version wrote. */
const rowSchema = z.object({
  platform: z.enum(PLATFORMS),
  user_id: z.string(),
  local_date: z.string(),
  chat_id: z.string(),
  question_id: z.string(),
  fact_id: z.string(),
  choice: z.number().int(),
  correct: z.number().int(),
  topics: z.string().transform((text, ctx) => {
    const parsed = z.array(z.string()).safeParse(safeJson(text));
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'topics must be a JSON list of strings' });
      return z.NEVER;
    }
    return parsed.data;
  }),
  answered_at: z.number(),
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Presses on questions of the day in SQLite (table of migration 006). */
export class SqliteDailyAnswers implements DailyAnswerRepository {
  private readonly insert;
  private readonly select;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO daily_answers (platform, user_id, local_date, chat_id, question_id, fact_id, choice, correct, topics, answered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.select = db.prepare<[string, string, string], unknown>('SELECT * FROM daily_answers WHERE platform = ? AND user_id = ? AND local_date = ?');
  }

  add(a: DailyAnswer): boolean {
    const result = this.insert.run(a.platform, a.userId, a.localDate, a.chatId, a.questionId, a.factId, a.choice, a.correct ? 1 : 0, JSON.stringify(a.topics), a.answeredAt);
    return result.changes === 1;
  }

  get(platform: ChatAddress['platform'], userId: string, localDate: string): DailyAnswer | undefined {
    const row = this.select.get(platform, userId, localDate);
    if (row === undefined) return undefined;
    const r = rowSchema.parse(row);
    return {
      platform: r.platform,
      chatId: r.chat_id,
      userId: r.user_id,
      localDate: r.local_date,
      questionId: r.question_id,
      factId: r.fact_id,
      choice: r.choice,
      correct: r.correct === 1,
      topics: r.topics,
      answeredAt: r.answered_at,
    };
  }
}
