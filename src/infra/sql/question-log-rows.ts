/** The question log's rows as both stores read them back, checked with zod (they may hold what another version wrote). */
import { z } from 'zod';
import { LANGS } from '../../core/facts/schema.js';
import type { FeedbackTicket, LoggedQuestion } from '../../core/questions/question-log.js';

/** The columns of a log entry, as selected. */
export const ENTRY_COLUMNS = 'text, lang, status, fact_id, score, platform, chat_kind, asker, asked_at';

const entryRow = z.object({
  text: z.string(),
  lang: z.enum(LANGS),
  status: z.enum(['unknown', 'unsure', 'wrong']),
  fact_id: z.string().nullable(),
  score: z.number(),
  platform: z.enum(['telegram', 'discord', 'terminal']),
  chat_kind: z.enum(['private', 'group']),
  asker: z.string(),
  asked_at: z.number(),
});

const ticketRow = z.object({
  id: z.string(),
  text: z.string(),
  lang: z.enum(LANGS),
  fact_id: z.string().nullable(),
  score: z.number(),
  expires_at: z.number(),
});

/** A log entry from its row; throws when the row does not parse. */
export function toLoggedQuestion(row: unknown): LoggedQuestion {
  const r = entryRow.parse(row);
  return {
    text: r.text,
    lang: r.lang,
    status: r.status,
    ...(r.fact_id !== null ? { factId: r.fact_id } : {}),
    score: r.score,
    platform: r.platform,
    chatKind: r.chat_kind,
    asker: r.asker,
    at: r.asked_at,
  };
}

/** A feedback ticket from its row; throws when the row does not parse. */
export function toFeedbackTicket(row: unknown): FeedbackTicket {
  const r = ticketRow.parse(row);
  return { id: r.id, text: r.text, lang: r.lang, score: r.score, expiresAt: r.expires_at, ...(r.fact_id !== null ? { factId: r.fact_id } : {}) };
}
