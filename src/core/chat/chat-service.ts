import type { FactBase } from '../facts/fact-base.js';
import type { Lang } from '../facts/schema.js';
import { COMMANDS, findCommand } from '../commands/definitions.js';
import type { I18n } from '../i18n/i18n.js';
import type { Metrics } from '../metrics.js';
import type { Clock, Logger } from '../ports.js';
import type { Resolver } from '../resolver/resolver.js';
import type { ResolvedAnswer, Suggestion } from '../resolver/types.js';
import type { AnswerObserver } from '../questions/answer-observer.js';
import { formatDateValue } from '../text/dates.js';
import { localDateTime } from '../subscriptions/local-time.js';
import type { ConversationStore } from './conversation-store.js';
import type { RateLimiter } from './rate-limiter.js';
import { clip } from './clip.js';
import { replyLanguage, type Audience } from './reply-language.js';
import { isSmallTalk } from './small-talk.js';
import type { Button, ChatReply, ChatRequest } from './chat-types.js';

export type { Button, ChatReply, ChatRequest } from './chat-types.js';

/**
 * The language of a reply to `req`, by the one rule ({@link replyLanguage}): `member` for what is the member's
 * own, `chat` for what the whole chat reads; `typed` is what the member typed, when the reply answers it.
 */
export function languageFor(req: ChatRequest, audience: Audience, typed?: string, read?: Lang): Lang {
  return replyLanguage(audience, { typed, read, userLang: req.userLang, chatLang: req.chatLang });
}

/**
 * A feature that adds commands and buttons to the chat (daily posts, study sessions). The chat service
 * routes a command to the feature that lists its name, and a button press to the feature whose prefix
 * its data starts with.
 */
export interface ChatFeature {
  /** Command names this feature handles. */
  readonly commands: readonly string[];
  /** Button data prefix of this feature (distinct from 'a:' and 't:'), if it has buttons. */
  readonly actionPrefix?: string;
  command(req: ChatRequest, name: string, args: string): Promise<ChatReply | undefined>;
  action?(req: ChatRequest, data: string): Promise<ChatReply | undefined>;
  /** `/start <payload>` (a Telegram deep link): a reply when the payload is this feature's. */
  startPayload?(req: ChatRequest, payload: string): Promise<ChatReply | undefined>;
}

/** What inline mode offers for a query: answers to pick, or the rate-limit notice instead. */
export type InlineAnswers = { lang: Lang; suggestions: Suggestion[] } | { lang: Lang; limited: ChatReply };

/** How a feature is added to the chat service. */
export interface FeatureOptions {
  /**
   * Whether pressing its buttons counts against the per-user rate limit (true by default). False for answers
   * to the bot's own questions (quiz and review choices): they are not requests.
   */
  limitActions?: boolean;
}

/** Inline queries a user types within this long of the last counted one are one question being typed. */
const INLINE_TYPING_MS = 10_000;

/** Button data prefixes. Fact and topic ids are kebab-case and short, so the data stays within 64 bytes. */
export const ACTION = { answerFact: 'a:', topic: 't:' } as const;

/** The data of a button that answers a fact, with the language its label is shown in (`a:ru:referendum-june-5`). */
export function answerButton(factId: string, lang: Lang): string {
  return `${ACTION.answerFact}${lang}:${factId}`;
}

/** The fact and label language of an answer button; buttons of older messages (`a:<fact>`) carry no language. */
export function parseAnswerButton(data: string): { factId: string; lang?: Lang } | undefined {
  if (!data.startsWith(ACTION.answerFact)) return undefined;
  const rest = data.slice(ACTION.answerFact.length);
  const m = /^(en|ru|kk):(.+)$/.exec(rest);
  return m?.[1] && m[2] ? { factId: m[2], lang: m[1] as Lang } : { factId: rest };
}

/** Dependencies of the {@link ChatService}. */
export interface ChatServiceDeps {
  base: FactBase;
  resolver: Resolver;
  i18n: I18n;
  conversations: ConversationStore;
  rateLimiter: RateLimiter;
  clock: Clock;
  logger: Logger;
  /** Features that add commands and buttons (daily posts, study). */
  features?: ChatFeature[];
  /** Counts questions by outcome and language; nothing when absent. */
  metrics?: Metrics;
  /** The chat's stored language (`/settings lang`), used when the platform reports none for the user. */
  chatLang?: (req: ChatRequest) => Promise<Lang | undefined>;
  /** The chat's time zone (its daily-post zone, else DEFAULT_TIMEZONE): "today" in a question is its date there. UTC when absent. */
  chatTimeZone?: (req: ChatRequest) => Promise<string>;
  /** Sees every answered question (the question log); may add buttons to the reply. */
  observer?: AnswerObserver;
}

/**
 * The conversation logic every platform shares: commands, questions, button presses and autocomplete.
 * Adapters turn platform updates into these calls and the returned {@link ChatReply} into messages.
 */
export class ChatService {
  /** Button prefixes of features whose presses are not rate-limited. */
  private readonly unlimitedPrefixes: string[] = [];
  /**
   * When each user's last inline query was counted. Per process on purpose: a client's typing burst goes to
   * one instance, and at worst another instance counts one more query.
   */
  private readonly inlineCounted = new Map<string, number>();
  /** The /start examples per language (see {@link welcomeExamples}). */
  private readonly welcomeCache = new Map<Lang, Suggestion[]>();

  constructor(private readonly deps: ChatServiceDeps) {}

  /**
   * The one rate limit for everything a user can trigger (questions, commands, buttons, inline queries):
   * undefined when allowed, else the notice, marked as a repeat after the first in a window.
   */
  private async refused(req: ChatRequest, lang: Lang, options: { toast?: boolean; question?: boolean } = {}): Promise<ChatReply | undefined> {
    const decision = await this.deps.rateLimiter.take(`${req.platform}:${req.userId}`);
    if (decision.allowed) return undefined;
    if (options.question) this.deps.metrics?.questionAnswered('rate_limited', lang);
    return {
      lang,
      text: this.deps.i18n.t(lang, 'rate-limited', { seconds: Math.ceil(decision.retryAfterMs / 1000) }),
      buttons: [],
      personal: true,
      ...(options.toast ? { toast: true } : {}),
      ...(decision.notify ? {} : { repeatNotice: true }),
    };
  }

  /**
   * The member's language ({@link languageFor}) with the chat's stored language looked up, for adapters' own
   * short replies (an expired button, an apology). A store that cannot answer leaves the platform's language.
   */
  async langOf(req: ChatRequest): Promise<Lang> {
    try {
      return languageFor(await this.withChatLang(req), 'member');
    } catch {
      return languageFor(req, 'member');
    }
  }

  /**
   * The request with the chat's stored language filled in, so that features see it too: a reply for the whole
   * chat needs it even when the platform reports the member's own language.
   */
  private async withChatLang(req: ChatRequest, audience: Audience = 'chat'): Promise<ChatRequest> {
    // A reply for the member never reaches the chat's language when the platform gave theirs: no store read.
    if (req.chatLang || !this.deps.chatLang || (audience === 'member' && req.userLang)) return req;
    const chatLang = await this.deps.chatLang(req);
    return chatLang ? { ...req, chatLang } : req;
  }

  /** Runs a command (`name` without the slash); undefined when it is not one of ours. */
  async command(request: ChatRequest, name: string, args: string): Promise<ChatReply | undefined> {
    const def = findCommand(name);
    if (!def) return undefined;
    const req = await this.withChatLang(request);
    // The arguments are what the member typed, except /start's: a deep-link payload says nothing of the language.
    const lang = languageFor(req, 'member', def.name === 'start' ? undefined : args);
    // Every command that answers counts, /help and /today included; a plain /start is a greeting and does not.
    const greeting = def.name === 'start' && !args.trim();
    const refused = greeting ? undefined : await this.refused(req, lang, { question: def.name === 'ask' });
    if (refused) return refused;
    const feature = this.deps.features?.find((f) => f.commands.includes(def.name));
    if (feature) return feature.command(req, def.name, args);
    switch (def.name) {
      case 'start': {
        const payload = args.trim();
        for (const f of payload ? (this.deps.features ?? []) : []) {
          const reply = await f.startPayload?.(req, payload);
          if (reply) return reply;
        }
        return this.welcome(lang);
      }
      case 'help':
        return this.help(req, lang);
      case 'topics':
        return this.topics(lang);
      case 'ask':
        if (!args.trim()) return { lang, text: this.deps.i18n.t(lang, 'ask-usage'), buttons: [], personal: true };
        return this.answer(req, args);
      default:
        return undefined;
    }
  }

  /**
   * Answers a question, with "did you mean" or related questions as buttons. A question counts against the
   * user's rate limit; a greeting, thanks, emoji or an empty line does not (see small-talk.ts).
   */
  async question(request: ChatRequest, text: string): Promise<ChatReply> {
    const req = await this.withChatLang(request, 'member');
    if (!isSmallTalk(text)) {
      const refused = await this.refused(req, languageFor(req, 'member', text), { question: true });
      if (refused) return refused;
    }
    return this.answer(req, text);
  }

  /** Answers a question already admitted by the rate limit. */
  private async answer(req: ChatRequest, text: string): Promise<ChatReply> {
    // The resolver reads the question's language itself (its own words weigh in); this is for text without letters.
    const fallback = languageFor(req, 'member', text);
    const today = await this.localToday(req);
    const explanation = this.deps.resolver.explain(text, {
      fallbackLang: fallback,
      context: await this.deps.conversations.get(this.contextKey(req)),
      today,
    });
    const answer = explanation.answer;
    if (answer.status !== 'unknown' && answer.factIds.length > 0)
      await this.deps.conversations.set(this.contextKey(req), { factIds: answer.factIds.slice(0, 1) });
    this.deps.logger.debug({ status: answer.status, lang: answer.lang, factIds: answer.factIds }, 'question resolved');
    this.deps.metrics?.questionAnswered(answer.status, answer.lang);
    const reply = this.fromAnswer(answer);
    return this.deps.observer?.afterAnswer(req, text, explanation, reply) ?? reply;
  }

  /** Handles a button press; undefined for data that is not ours (or stale). */
  async action(request: ChatRequest, data: string): Promise<ChatReply | undefined> {
    const req = await this.withChatLang(request);
    const pressed = parseAnswerButton(data);
    // An answer button is answered in the language its label was shown in: the one the member read.
    const lang = languageFor(req, 'member', undefined, pressed?.lang);
    const feature = this.deps.features?.find((f) => f.actionPrefix && data.startsWith(f.actionPrefix));
    const ours = data.startsWith(ACTION.answerFact) || data.startsWith(ACTION.topic);
    // A button that answers posts in the chat just like a question: the same per-user limit applies, and the
    // refusal is a toast (a press must be answered anyway). Choices of the bot's own quizzes are free.
    const limited = ours || (feature !== undefined && !this.unlimitedPrefixes.some((p) => data.startsWith(p)));
    if (limited) {
      const refused = await this.refused(req, lang, { toast: true, question: true });
      if (refused) return refused;
    }
    if (feature?.action) return feature.action(req, data);
    if (pressed) {
      const factId = pressed.factId;
      const answer = this.deps.resolver.answerFact(factId, lang);
      if (!answer) return undefined;
      await this.deps.conversations.set(this.contextKey(req), { factIds: [factId] });
      return this.fromAnswer(answer);
    }
    if (data.startsWith(ACTION.topic)) return this.topicQuestions(data.slice(ACTION.topic.length), lang);
    return undefined;
  }

  /**
   * Inline mode (`@bot question` typed in any chat): the best matching facts, or example questions for an
   * empty query. A query counts against the user's rate limit like a question, except that the queries a
   * client sends while the user is still typing (within 10 s of the last one counted) count once.
   */
  async inline(request: ChatRequest, text: string, count: number): Promise<InlineAnswers> {
    const req = await this.withChatLang(request, 'member');
    const query = text.trim();
    const lang = languageFor(req, 'member', query);
    if (!query) return { lang, suggestions: this.deps.resolver.examples(lang, count) };
    const key = `${req.platform}:${req.userId}`;
    const now = this.deps.clock.now().getTime();
    if (now - (this.inlineCounted.get(key) ?? Number.NEGATIVE_INFINITY) >= INLINE_TYPING_MS) {
      const refused = await this.refused(req, lang, { question: true });
      if (refused) return { lang, limited: refused };
      this.inlineCounted.set(key, now);
      if (this.inlineCounted.size > 10_000) for (const [k, at] of this.inlineCounted) if (now - at >= INLINE_TYPING_MS) this.inlineCounted.delete(k);
    }
    const suggestions = this.deps.resolver.search(query, lang, count);
    this.deps.metrics?.questionAnswered(suggestions.length > 0 ? 'answered' : 'unknown', lang);
    return { lang, suggestions };
  }

  /** Questions from the fact base that match what the user is typing (Discord autocomplete), best first. */
  autocomplete(partial: string, lang: Lang, limit = 25): { label: string; value: string }[] {
    const text = partial.trim();
    const l = replyLanguage('member', { typed: text, userLang: lang });
    const seen = new Set<string>();
    const out: { label: string; value: string }[] = [];
    const push = (q: string) => {
      const label = clip(q, 100);
      if (seen.has(label)) return;
      seen.add(label);
      out.push({ label, value: label });
    };
    if (text) {
      for (const r of this.deps.resolver.search(text, l, limit)) push(r.question);
    } else for (const s of this.deps.resolver.examples(l, limit)) push(s.question);
    return out.slice(0, limit);
  }

  /**
   * The text of a reply whose choices are shown as buttons: the resolver's text before its list of them, and a
   * sentence that points to the buttons (a chat shows each choice once). The resolver's whole text keeps the
   * list for readers without buttons (`npm run ask`).
   */
  private textBeforeButtons(answer: ResolvedAnswer, choices: readonly Suggestion[]): string {
    if (choices.length === 0 || !answer.lead) return answer.answer;
    return `${answer.lead.text}\n\n${this.deps.i18n.t(answer.lang, answer.lead.intro === 'did-you-mean' ? 'did-you-mean-below' : 'try-asking-below', { count: choices.length })}`;
  }

  private fromAnswer(answer: ResolvedAnswer): ChatReply {
    const choices = answer.status === 'unsure' ? answer.suggestions.slice(1) : answer.status === 'answered' ? answer.related : answer.suggestions;
    const fact = answer.factIds[0] ? this.deps.base.fact(answer.factIds[0]) : undefined;
    return {
      lang: answer.lang,
      text: this.textBeforeButtons(answer, choices),
      citation: answer.citationLine || undefined,
      date: answer.status !== 'unknown' && fact?.date ? fact.date.value : undefined,
      buttons: choices.map((s) => [{ label: s.question, data: answerButton(s.factId, answer.lang) }]),
      answer,
    };
  }

  /**
   * /start: the greeting, then the example questions of data/welcome.json as buttons (see
   * {@link welcomeExamples}), and a pointer to /help.
   */
  private welcome(lang: Lang): ChatReply {
    const doc = this.deps.base.documents[0];
    const text = [
      this.deps.i18n.t(lang, 'welcome', { title: doc?.title ?? '', date: formatDateValue(doc?.date ?? '', lang) }),
      this.deps.i18n.t(lang, 'welcome-examples'),
    ].join('\n\n');
    return { lang, text, buttons: this.welcomeExamples(lang).map((s) => [{ label: s.question, data: answerButton(s.factId, lang) }]) };
  }

  /**
   * The questions /start offers, in `lang`: the facts of data/welcome.json, each as a question the resolver
   * answers with that fact (a button must never lead to "I'm not sure"), by the one rule for offered questions
   * (resolver/suggestions.ts). Computed once per language.
   */
  welcomeExamples(lang: Lang): Suggestion[] {
    // A base without the list (a test's own small one) offers the resolver's examples.
    const cached = this.welcomeCache.get(lang);
    if (cached) return cached;
    const { base, resolver } = this.deps;
    const facts = base.welcome.map((id) => base.fact(id)).filter((f) => f !== undefined);
    const examples = facts.length === 0 ? resolver.examples(lang) : resolver.suggestions.pick(facts, lang, { limit: facts.length });
    this.welcomeCache.set(lang, examples);
    return examples;
  }

  /**
   * The reply to a command that is not one of ours (`name` without the slash): it says so, naming the command,
   * and points to /help. Adapters send it where an unknown command is surely meant for this bot.
   */
  async unknownCommand(request: ChatRequest, name: string): Promise<ChatReply> {
    const lang = await this.langOf(request);
    return { lang, text: this.deps.i18n.t(lang, 'unknown-command-named', { command: `/${name}` }), buttons: [], personal: true };
  }

  private help(req: ChatRequest, lang: Lang): ChatReply {
    const t = this.deps.i18n;
    const commands = COMMANDS.filter((c) => c.scope === 'everywhere' || c.scope === req.chatKind)
      .map((c) => `/${c.name}${c.args.map((a) => ` <${a.name}>`).join('')} — ${c.description[lang]}`)
      .join('\n');
    const group = req.chatKind === 'group' ? `\n\n${t.t(lang, req.groupHearing === 'addressed' ? 'help-group-addressed' : 'help-group')}` : '';
    // Help is for the member who asked: where the platform can, only they see it.
    return { lang, text: `${t.t(lang, 'help-intro')}\n\n${t.t(lang, 'help-commands')}\n${commands}${group}\n\n${t.t(lang, 'help-language')}`, buttons: [], personal: true };
  }

  /** The topics as a menu (buttons two per row where menus are buttons), for the member who asked. */
  topics(lang: Lang): ChatReply {
    const buttons = this.deps.base.topics
      .filter((t) => this.deps.resolver.topicQuestions(t.id, lang, 1).length > 0)
      .map((t) => ({ label: t.name[lang], data: `${ACTION.topic}${t.id}` }));
    const rows: Button[][] = [];
    for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
    return { lang, text: this.deps.i18n.t(lang, 'topics-intro'), buttons: rows, buttonsAsMenu: true, personal: true };
  }

  private topicQuestions(topicId: string, lang: Lang): ChatReply | undefined {
    const topic = this.deps.base.topic(topicId);
    if (!topic) return undefined;
    // The resolver's one rule for offered questions: answered well, no two alike (resolver/suggestions.ts).
    const questions = this.deps.resolver.topicQuestions(topicId, lang, 8);
    // The topic menu turns into the topic's questions, rather than adding a message per topic browsed.
    return {
      lang,
      text: this.deps.i18n.t(lang, 'topic-questions', { topic: topic.name[lang] }),
      buttons: questions.map((s) => [{ label: s.question, data: answerButton(s.factId, lang) }]),
      updateInPlace: true,
      personal: true,
    };
  }

  private contextKey(req: ChatRequest): string {
    return `${req.platform}:${req.chatId}`;
  }

  /** Today's date in the chat's zone, for "on this day" questions. */
  private async localToday(req: ChatRequest): Promise<{ year: number; month: number; day: number }> {
    const zone = (await this.deps.chatTimeZone?.(req)) ?? 'UTC';
    const date = localDateTime(this.deps.clock.now().getTime(), zone).date;
    const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
    return { year, month, day };
  }

  /** Adds a feature after construction (features need the chat service's siblings, built alongside). */
  addFeature(feature: ChatFeature, options: FeatureOptions = {}): void {
    (this.deps.features ??= []).push(feature);
    if (options.limitActions === false && feature.actionPrefix) this.unlimitedPrefixes.push(feature.actionPrefix);
  }

  /** Moves a chat's conversation to its new id (Telegram group migrated to a supergroup). */
  migrateChat(platform: ChatRequest['platform'], oldChatId: string, newChatId: string): Promise<void> {
    return this.deps.conversations.rename(`${platform}:${oldChatId}`, `${platform}:${newChatId}`);
  }
}
