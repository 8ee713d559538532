/** What every part of the study feature reads (the fact base, the strings, the store, the clock), and its shared helpers. */
import type { ChatReply, ChatRequest } from '../chat/chat-service.js';
import type { Audience } from '../chat/reply-language.js';
import type { FactBase } from '../facts/fact-base.js';
import type { Lang } from '../facts/schema.js';
import type { I18n } from '../i18n/i18n.js';
import type { Metrics } from '../metrics.js';
import type { Clock, Logger } from '../ports.js';
import type { Store } from '../store/store.js';

/** The dependencies the parts of the study feature share. */
export interface StudyContext {
  base: FactBase;
  i18n: I18n;
  /** The study repository and the transaction boundary (`shared`: several instances use the store). */
  store: Pick<Store, 'study' | 'transaction' | 'shared'>;
  clock: Clock;
  logger: Logger;
  /** How long a question stays open. */
  questionSeconds: number;
  metrics?: Metrics;
}

/** The current time in ms since the epoch. */
export function nowMs(ctx: Pick<StudyContext, 'clock'>): number {
  return ctx.clock.now().getTime();
}

/** A reply for the member alone. */
export function personalNote(lang: Lang, text: string): ChatReply {
  return { lang, text, buttons: [], personal: true };
}

/** Who a session is for: a group's quiz is the chat's; one player's (a private chat, the terminal) is theirs. */
export function sessionAudience(req: Pick<ChatRequest, 'chatKind'>): Audience {
  return req.chatKind === 'group' ? 'chat' : 'member';
}

/** An error's name and message, for logs. */
export function errorSummary(error: unknown): { name: string; message: string } {
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message };
}
