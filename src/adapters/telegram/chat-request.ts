/** A Telegram update as the core's {@link ChatRequest}. */
import type { Context } from 'grammy';
import type { ChatRequest } from '../../core/chat/chat-service.js';
import type { Lang } from '../../core/facts/schema.js';

/** The user's interface language when it is one of ours (`ru-RU` → `ru`); undefined otherwise. */
export function userLang(languageCode: string | undefined): Lang | undefined {
  const code = languageCode?.toLowerCase() ?? '';
  if (code.startsWith('ru')) return 'ru';
  if (code.startsWith('kk')) return 'kk';
  if (code.startsWith('en')) return 'en';
  return undefined;
}

/**
 * Who is asking and where. Undefined for updates without a chat or a sender, and for channels, where the
 * bot does not answer.
 */
export function chatRequest(ctx: Context): ChatRequest | undefined {
  const chat = ctx.chat;
  const from = ctx.from;
  if (!chat || !from || chat.type === 'channel') return undefined;
  const lang = userLang(from.language_code);
  return {
    platform: 'telegram',
    chatId: String(chat.id),
    userId: String(from.id),
    chatKind: chat.type === 'private' ? 'private' : 'group',
    ...(lang ? { userLang: lang } : {}),
    // For leaderboards (plain text; replies are escaped when rendered).
    userName: [from.first_name, from.last_name].filter(Boolean).join(' ') || (from.username ? `@${from.username}` : String(from.id)),
    // Telegram's privacy mode: in groups the bot hears commands, mentions and replies to its messages.
    groupHearing: 'addressed',
  };
}
