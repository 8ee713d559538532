/** Inline mode: `@bot referendum` in any chat offers answers to pick and post. */
import { Composer, type Context } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import type { CoreServices } from '../../../app/core-services.js';
import { clip } from '../../../core/chat/clip.js';
import type { Lang } from '../../../core/facts/schema.js';
import type { Suggestion } from '../../../core/resolver/types.js';
import type { BotDeps } from '../bot-deps.js';
import { userLang } from '../chat-request.js';
import { escapeHtml, renderReplyHtml, TELEGRAM_MESSAGE_LIMIT } from '../html.js';

/** How many answers to offer. */
export const INLINE_RESULTS = 5;
/** Seconds Telegram may cache the results; they depend only on the text and the fact base. */
export const INLINE_CACHE_SECONDS = 300;
const DESCRIPTION_LIMIT = 120;

/** One fact as an article: the question as its title, the short answer below, the full answer when picked. */
export function inlineArticle(core: CoreServices, suggestion: Suggestion, lang: Lang): InlineQueryResultArticle | undefined {
  const answer = core.resolver.answerFact(suggestion.factId, lang);
  if (!answer) return undefined;
  const fact = core.base.fact(suggestion.factId);
  const short = fact?.short[lang] ?? answer.answer;
  // The fact's own first question reads better as a title than the search's best match (often a few keywords).
  const title = fact?.questions[lang][0] ?? suggestion.question;
  const body = renderReplyHtml({ text: answer.answer, citation: answer.citationLine });
  // The posted message shows the question too: the other people in the chat did not see it being typed.
  let html = [`<b>${escapeHtml(title)}</b>`, ...body].join('\n\n');
  if (html.length > TELEGRAM_MESSAGE_LIMIT) html = body[0] ?? escapeHtml(short);
  return {
    type: 'article',
    id: suggestion.factId.slice(0, 64),
    title,
    description: clip(short, DESCRIPTION_LIMIT),
    input_message_content: { message_text: html, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  };
}

/**
 * Answers inline queries through the chat service (the same rate limit and metrics as questions; example
 * questions for an empty query), in the language of the typed text, else the user's. Results are the same for
 * everyone, so they are cached and not personal; a rate-limit refusal is personal and never cached.
 */
export function inlineQueryHandlers(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('inline_query', async (ctx) => {
    const lang = userLang(ctx.from.language_code);
    const req = { platform: 'telegram' as const, chatId: String(ctx.from.id), userId: String(ctx.from.id), chatKind: 'private' as const, ...(lang ? { userLang: lang } : {}) };
    const found = deps.core.chat.inline(req, ctx.inlineQuery.query, INLINE_RESULTS);
    if ('limited' in found) {
      // No results, and the notice on the button above them (it opens the private chat with the bot).
      await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true, button: { text: clip(found.limited.text, 64), start_parameter: 'limit' } });
      return;
    }
    const results = found.suggestions.map((s) => inlineArticle(deps.core, s, found.lang)).filter((r): r is InlineQueryResultArticle => r !== undefined);
    await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS, is_personal: false });
  });
  return composer;
}
