import { z } from 'zod';
import type { ChatAddress } from '../../core/messenger.js';
import type { DailyAnswer, DailyAnswerRepository } from '../../core/subscriptions/daily-answers.js';
import type { PgDb } from './pg-db.js';

/** A row as read back: checked, since the database may hold what an older or another version wrote. */
const rowSchema = z.object({
  platform: z.enum(['telegram', 'discord', 'terminal']),
  user_id: z.string(),
  local_date: z.string(),
  chat_id: z.string(),
  question_id: z.string(),
  fact_id: z.string(),
  choice: z.number().int(),
  correct: z.boolean(),
  topics: z.array(z.string(), { error: 'topics must be a JSON list of strings' }),
  answered_at: z.number(),
});

/** Presses on questions of the day in PostgreSQL: the primary key makes a member's first press the one that counts. */
export class PgDailyAnswers implements DailyAnswerRepository {
  constructor(private readonly db: PgDb) {}

  async add(a: DailyAnswer): Promise<boolean> {
    const result = await this.db.query(
      `INSERT INTO daily_answers (platform, user_id, local_date, chat_id, question_id, fact_id, choice, correct, topics, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10) ON CONFLICT DO NOTHING`,
      [a.platform, a.userId, a.localDate, a.chatId, a.questionId, a.factId, a.choice, a.correct, JSON.stringify(a.topics), a.answeredAt],
    );
    return result.rowCount === 1;
  }

  async get(platform: ChatAddress['platform'], userId: string, localDate: string): Promise<DailyAnswer | undefined> {
    const { rows } = await this.db.query('SELECT * FROM daily_answers WHERE platform = $1 AND user_id = $2 AND local_date = $3', [platform, userId, localDate]);
    if (!rows[0]) return undefined;
    const r = rowSchema.parse(rows[0]);
    return {
      platform: r.platform,
      chatId: r.chat_id,
      userId: r.user_id,
      localDate: r.local_date,
      questionId: r.question_id,
      factId: r.fact_id,
      choice: r.choice,
      correct: r.correct,
      topics: r.topics,
      answeredAt: r.answered_at,
    };
  }

  async moveChat(from: ChatAddress, toChatId: string): Promise<void> {
    await this.db.query('UPDATE daily_answers SET chat_id = $1 WHERE platform = $2 AND chat_id = $3', [toChatId, from.platform, from.chatId]);
  }
}
