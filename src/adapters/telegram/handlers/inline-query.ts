/** Inline mode: `@bot referendum` in any chat offers answers to pick and post. */
import { Composer, type Context } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import type { CoreServices } from '../../../app/core-services.js';
import type { Lang } from '../../../core/facts/schema.js';
import type { Suggestion } from '../../../core/resolver/types.js';
import { detectLang } from '../../../core/text/normalize.js';
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
    description: short.length > DESCRIPTION_LIMIT ? `${short.slice(0, DESCRIPTION_LIMIT - 1)}…` : short,
    input_message_content: { message_text: html, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  };
}

/**
 * Answers inline queries from the resolver's search (example questions for an empty query), in the
 * language of the typed text, else the user's. Results are the same for everyone, so they are not personal.
 */
export function inlineQueryHandlers(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('inline_query', async (ctx) => {
    const text = ctx.inlineQuery.query.trim();
    const lang = detectLang(text) ?? userLang(ctx.from.language_code) ?? 'en';
    const suggestions = text ? deps.core.resolver.search(text, lang, INLINE_RESULTS) : deps.core.resolver.examples(lang, INLINE_RESULTS);
    const results = suggestions.map((s) => inlineArticle(deps.core, s, lang)).filter((r): r is InlineQueryResultArticle => r !== undefined);
    await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS, is_personal: false });
  });
  return composer;
}
