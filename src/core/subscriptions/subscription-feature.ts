import { languageFor, type ChatFeature, type ChatReply, type ChatRequest } from '../chat/chat-service.js';
import { clip as clipText } from '../chat/clip.js';
import { LANGS, type Lang } from '../facts/schema.js';
import type { I18n, MessageId } from '../i18n/i18n.js';
import type { ChatAddress } from '../messenger.js';
import type { Clock } from '../ports.js';
import type { Resolver } from '../resolver/resolver.js';
import type { Store } from '../store/store.js';
import { addDays, canonicalTimeZone, formatPostTime, isIsoDate, localDateTime, parsePostTime } from './local-time.js';
import { chatSeed, DAILY_ACTION, previewContext, type PostComposer } from './post-composer.js';
import type { QuestionPresses } from './question-presses.js';

/** Defaults of new subscriptions (DEFAULT_TIMEZONE, DEFAULT_POST_TIME). */
export interface SubscriptionDefaults {
  timeZone: string;
  /** Minutes after midnight. */
  postMinutes: number;
}

/** Dependencies of the {@link SubscriptionFeature}. */
export interface SubscriptionFeatureDeps {
  /** Without a store, previews work and subscribing says it is unavailable. */
  store?: Store;
  composer: PostComposer;
  /** The question of the day's buttons. */
  presses: QuestionPresses;
  resolver: Resolver;
  i18n: I18n;
  clock: Clock;
  defaults: SubscriptionDefaults;
}

const EXAMPLE_ZONE = 'Asia/Almaty';
const SETTING_KEYS: Record<string, 'time' | 'zone' | 'lang'> = {
  time: 'time',
  zone: 'zone',
  timezone: 'zone',
  tz: 'zone',
  lang: 'lang',
  language: 'lang',
  время: 'time',
  зона: 'zone',
  язык: 'lang',
  уақыт: 'time',
  тіл: 'lang',
};

/**
 * The daily-post commands: `/subscribe [HH:MM] [zone]`, `/unsubscribe`, `/settings [time|zone|lang …]`
 * (administrators only in groups), `/today` and `/preview <YYYY-MM-DD>` (anyone), and the question-of-the-day
 * answer button. Bad input is refused with an example, and nothing is stored.
 */
export class SubscriptionFeature implements ChatFeature {
  readonly commands = ['subscribe', 'unsubscribe', 'settings', 'today', 'preview'] as const;
  readonly actionPrefix = DAILY_ACTION.prefix;

  constructor(private readonly deps: SubscriptionFeatureDeps) {}

  async command(req: ChatRequest, name: string, args: string): Promise<ChatReply | undefined> {
    // Refusals and the settings view are the member's; posts, previews and changes to the chat are the chat's.
    // The arguments (times, zones, dates, language codes) say nothing of the language the member reads.
    const lang: Languages = { member: languageFor(req, 'member'), chat: languageFor(req, 'chat') };
    switch (name) {
      case 'today':
        return this.today(req, lang.chat);
      case 'preview':
        return this.preview(req, args.trim(), lang);
      case 'subscribe':
      case 'unsubscribe':
      case 'settings': {
        if (req.chatKind === 'group' && req.isAdmin !== true) return this.note(lang.member, 'sub-admin-only');
        if (!this.deps.store) return this.note(lang.member, 'sub-no-store');
        if (name === 'subscribe') return this.subscribe(req, args, lang, this.deps.store);
        if (name === 'unsubscribe') return this.unsubscribe(req, lang, this.deps.store);
        return this.settings(req, args, lang, this.deps.store);
      }
      default:
        return undefined;
    }
  }

  async action(req: ChatRequest, data: string): Promise<ChatReply | undefined> {
    if (!data.startsWith(DAILY_ACTION.answer)) return this.deps.presses.press(req, data);
    // A "Show the answer" button of a post sent before questions had choices.
    const answer = this.deps.resolver.answerFact(data.slice(DAILY_ACTION.answer.length), languageFor(req, 'member'));
    if (!answer) return undefined;
    return { lang: answer.lang, text: answer.answer, citation: answer.citationLine || undefined, buttons: [], personal: true, answer };
  }

  /** A short reply: personal (refusals, mistakes) unless it announces a change to the whole chat. */
  private note(lang: Lang, id: MessageId, args?: Record<string, string | number>, personal = true): ChatReply {
    return { lang, text: this.deps.i18n.t(lang, id, args), buttons: [], personal };
  }

  private async subscribe(req: ChatRequest, args: string, lang: Languages, store: Store): Promise<ChatReply> {
    const parsed = this.parseSchedule(args, lang.member);
    if ('error' in parsed) return parsed.error;
    const at = address(req);
    const existing = await store.subscriptions.get(at);
    const now = this.deps.clock.now().getTime();
    const timeZone = parsed.timeZone ?? existing?.timeZone ?? this.deps.defaults.timeZone;
    const postMinutes = parsed.postMinutes ?? existing?.postMinutes ?? this.deps.defaults.postMinutes;
    await store.transaction(async () => {
      await store.subscriptions.save({
        address: at,
        postMinutes,
        timeZone,
        group: req.chatKind === 'group',
        startDate: existing?.startDate ?? firstDate(now, timeZone, postMinutes),
        changedAt: existing ? now : 0,
      });
      const chat = await store.chats.get(at);
      if (chat?.paused) await store.chats.setPaused(at, false);
      // A chat without a language of its own takes the one its posts were asked for in.
      if (!chat?.lang) await store.chats.setLang(at, lang.chat);
    });
    return this.note(lang.chat, existing ? 'sub-updated' : 'sub-subscribed', { time: formatPostTime(postMinutes), zone: timeZone }, false);
  }

  private async unsubscribe(req: ChatRequest, lang: Languages, store: Store): Promise<ChatReply> {
    return (await store.subscriptions.delete(address(req))) ? this.note(lang.chat, 'sub-unsubscribed', undefined, false) : this.note(lang.member, 'sub-not-subscribed');
  }

  private async settings(req: ChatRequest, args: string, languages: Languages, store: Store): Promise<ChatReply> {
    const lang = languages.member;
    const at = address(req);
    const [rawKey = '', ...rest] = args.trim().split(/\s+/).filter(Boolean);
    const value = rest.join(' ');
    if (!rawKey) return this.showSettings(at, languages, store);
    const key = SETTING_KEYS[rawKey.toLowerCase()];
    if (!key || !value) return this.note(lang, 'settings-usage');
    if (key === 'lang') {
      const chosen = value.toLowerCase().slice(0, 2);
      if (!LANGS.includes(chosen as Lang)) return this.note(lang, 'settings-bad-lang', { value: clip(value) });
      await store.chats.setLang(at, chosen as Lang);
      // The confirmation is for the whole chat, so it is in the chat's new language.
      return this.note(chosen as Lang, 'settings-lang-set', undefined, false);
    }
    const sub = await store.subscriptions.get(at);
    if (!sub) return this.note(lang, 'sub-not-subscribed');
    const parsed = this.parseSchedule(value, lang, key);
    if ('error' in parsed) return parsed.error;
    await store.subscriptions.save({ ...sub, postMinutes: parsed.postMinutes ?? sub.postMinutes, timeZone: parsed.timeZone ?? sub.timeZone, changedAt: this.deps.clock.now().getTime() });
    return this.showSettings(at, languages, store);
  }

  /** The chat's settings, for the member who asked; the language shown is the one the chat's messages use. */
  private async showSettings(at: ChatAddress, languages: Languages, store: Store): Promise<ChatReply> {
    const lang = languages.member;
    const sub = await store.subscriptions.get(at);
    const chatLang = languages.chat;
    const t = this.deps.i18n;
    const state = sub ? t.t(lang, sub.active ? 'settings-on' : 'settings-paused', { time: formatPostTime(sub.postMinutes), zone: sub.timeZone }) : t.t(lang, 'settings-off');
    const text = [state, t.t(lang, 'settings-lang', { lang: LANG_NAMES[chatLang] }), '', t.t(lang, 'settings-usage')].join('\n');
    return { lang, text, buttons: [], personal: true };
  }

  /** Today's post, in the chat's language: it is the chat's post, shown early. */
  private async today(req: ChatRequest, postLang: Lang): Promise<ChatReply> {
    const store = this.deps.store;
    const at = address(req);
    const sub = await store?.subscriptions.get(at);
    const today = localDateTime(this.deps.clock.now().getTime(), sub?.timeZone ?? this.deps.defaults.timeZone).date;
    if (!store) return this.deps.composer.preview(today, postLang, previewContext(chatSeed(at)));
    // Today's post when it went out already; otherwise what it will be.
    const recent = await store.subscriptions.recent(at, 7);
    const posted = recent.find((d) => d.localDate === today);
    if (posted) return this.deps.composer.render(posted.plan, today, postLang);
    return this.deps.composer.preview(today, postLang, {
      seed: chatSeed(at),
      recent: recent.map((d) => d.plan),
      shown: { fact: await store.subscriptions.shown(at, 'fact'), question: await store.subscriptions.shown(at, 'question') },
    });
  }

  /** A day's post as the chat would get it (in the chat's language); a mistake in the date is the member's. */
  private preview(req: ChatRequest, arg: string, lang: Languages): ChatReply {
    if (!arg) return this.note(lang.member, 'preview-usage');
    if (!isIsoDate(arg)) return this.note(lang.member, 'preview-bad-date', { value: clip(arg) });
    return this.deps.composer.preview(arg, lang.chat, previewContext(chatSeed(address(req))));
  }

  /** Reads `[HH:MM] [zone]` in any order; `only` restricts it to one of them (a `/settings` change). */
  private parseSchedule(args: string, lang: Lang, only?: 'time' | 'zone'): { postMinutes?: number; timeZone?: string } | { error: ChatReply } {
    const out: { postMinutes?: number; timeZone?: string } = {};
    for (const token of args.trim().split(/\s+/).filter(Boolean)) {
      const looksLikeTime = /^\d{1,2}[:.]\d{1,2}$|^\d{1,2}$/.test(token);
      if (looksLikeTime && only !== 'zone') {
        const minutes = parsePostTime(token);
        if (minutes === undefined || out.postMinutes !== undefined) return { error: this.note(lang, 'sub-bad-time', { value: clip(token), zone: EXAMPLE_ZONE }) };
        out.postMinutes = minutes;
        continue;
      }
      if (only === 'time') return { error: this.note(lang, 'sub-bad-time', { value: clip(token), zone: EXAMPLE_ZONE }) };
      const zone = canonicalTimeZone(token);
      if (!zone || out.timeZone !== undefined) return { error: this.note(lang, 'sub-bad-zone', { value: clip(token), zone: EXAMPLE_ZONE }) };
      out.timeZone = zone;
    }
    return out;
  }
}

/** The language of a reply to the member, and of one for the whole chat ({@link languageFor}). */
interface Languages {
  member: Lang;
  chat: Lang;
}

const LANG_NAMES: Record<Lang, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша' };

function address(req: ChatRequest): ChatAddress {
  return { platform: req.platform, chatId: req.chatId };
}

/** The first local date a new subscription posts for: today if its time is still ahead, else tomorrow. */
function firstDate(now: number, timeZone: string, postMinutes: number): string {
  const local = localDateTime(now, timeZone);
  return local.minutes < postMinutes ? local.date : addDays(local.date, 1);
}

/** User input shown back, kept short (never cutting an emoji in half). */
function clip(text: string): string {
  return clipText(text, 40);
}

