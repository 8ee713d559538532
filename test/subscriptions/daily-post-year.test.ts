/**
 * Every day of a year (2024, with 29 February) in English, Russian and Kazakh, as a preview and as one
 * subscriber gets the posts, and the previews of 2022 (the year of most events: a post on or before an event's
 * own date must not tell it as past). What a reader sees is checked, not how it is built.
 */
import { describe, expect, it } from 'vitest';
import { replyToMessage } from '../../src/adapters/discord/embeds.js';
import { LIMITS, toMarkdown } from '../../src/adapters/discord/text-limits.js';
import { renderReplyHtml, TELEGRAM_MESSAGE_LIMIT } from '../../src/adapters/telegram/html.js';
import { CALLBACK_DATA_LIMIT } from '../../src/adapters/telegram/keyboard.js';
import type { ChatReply } from '../../src/core/chat/chat-service.js';
import { LANGS, type Fact, type Lang } from '../../src/core/facts/schema.js';
import { I18n } from '../../src/core/i18n/i18n.js';
import { happenedOnTheDay } from '../../src/core/subscriptions/on-this-day.js';
import { defaultQuestionSource } from '../../src/core/subscriptions/daily-posts.js';
import { PostComposer, type PostDay } from '../../src/core/subscriptions/post-composer.js';
import type { PostPlan } from '../../src/core/subscriptions/post-plan.js';
import { sentencesOf } from '../../src/core/subscriptions/post-text.js';
import { formatFactDate } from '../../src/core/text/dates.js';
import { base } from './support.js';

const i18n = new I18n();
const questions = defaultQuestionSource(base, i18n);
const composer = new PostComposer(base, i18n, questions);
const FROM = '2024-01-01';
const DAYS = 366;

/** The "On this day in YYYY, N years ago:" heading of a language, as a pattern capturing year and count. */
function onThisDayPattern(lang: Lang): RegExp {
  const forms = [1, 2, 5].map((n) => i18n.t(lang, 'daily-years-ago', { years: n }).replace(String(n), '-?\\d+'));
  const ago = `(?:${forms.join('|')})`;
  const heading = i18n.t(lang, 'daily-on-this-day', { year: 'YEAR', ago: 'AGO' });
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace('YEAR', '(\\d{4})').replace('AGO', ago)}$`, 'm');
}

/** The years-ago and years-until counts a post states, whatever the plural form. */
const COUNTS: Record<Lang, RegExp> = {
  en: /(-?\d+) years? (?:ago|since)/g,
  ru: /(-?\d+) (?:год|года|лет)(?: назад| со дня)/g,
  kk: /(?:бұдан )?(-?\d+) жыл (?:бұрын|толады)/g,
};

/** Openings a statement must not have: an answer to a yes/no question pasted into a post. */
const YES_NO_OPENING = /^(?:Yes|No|Да|Нет|Иә|Жоқ)\s*[,:.]/;

const planned = new Map<Lang, { previews: { date: string; plan: PostPlan; reply: ChatReply }[]; series: PostDay[] }>();
for (const lang of LANGS) {
  const previews = Array.from({ length: DAYS + 365 }, (_, i) => {
    const date = new Date(Date.parse(`${FROM}T00:00:00Z`) + (i < DAYS ? i : i - DAYS - 731) * 86_400_000).toISOString().slice(0, 10);
    const plan = composer.plan(date, { seed: 'preview', recent: [], shown: { fact: new Set(), question: new Set() } }).plan;
    return { date, plan, reply: composer.preview(date, lang) };
  });
  planned.set(lang, { previews, series: composer.series(FROM, DAYS, lang, 'telegram:-100200300') });
}

function everyPost(lang: Lang): { date: string; plan: PostPlan; reply: ChatReply }[] {
  const p = planned.get(lang)!;
  return [...p.previews, ...p.series];
}

describe.each(LANGS)('a year of daily posts in %s', (lang) => {
  const dateLabels = new Set(base.facts.flatMap((f: Fact) => (f.date ? [formatFactDate(f.date, lang)] : [])));

  it('repeats no sentence and no line within a post', () => {
    for (const { date, reply } of everyPost(lang)) {
      const lines = reply.text.split('\n').filter((l) => l.trim() !== '');
      const sentences = lines.flatMap((l) => sentencesOf(l.replace(/^• /, '')));
      const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
      expect(new Set(lines.map(key)).size, `${date}: ${reply.text}`).toBe(lines.length);
      expect(new Set(sentences.map(key)).size, `${date}: ${reply.text}`).toBe(sentences.length);
    }
  });

  it('says "on this day" only for facts that happened on that day, in an earlier year', () => {
    const heading = onThisDayPattern(lang);
    for (const { date, plan, reply } of everyPost(lang)) {
      const m = heading.exec(reply.text);
      if (plan.kind !== 'events') {
        expect(m, `${date}: ${reply.text}`).toBeNull();
        continue;
      }
      expect(m, `${date}: ${reply.text}`).not.toBeNull();
      for (const id of plan.factIds) {
        const fact = base.fact(id)!;
        expect(happenedOnTheDay(fact), id).toBe(true);
        expect(fact.date!.value.slice(5), id).toBe(date.slice(5));
        expect(fact.date!.value < date, id).toBe(true);
        expect(fact.topics, id).not.toContain('article');
      }
      expect(Number(m![1])).toBeLessThan(Number(date.slice(0, 4)));
    }
  });

  it('never counts a negative or zero number of years', () => {
    const counts = everyPost(lang).flatMap(({ date, reply }) => [...reply.text.matchAll(COUNTS[lang])].map((m) => ({ date, said: m[0], n: Number(m[1]) })));
    expect(counts.filter((c) => !(c.n > 0))).toEqual([]);
  });

  it('fits one Telegram message and one Discord embed, with buttons both platforms accept', () => {
    // What does not fit, collected and compared once: an expect per post and button costs most of this test.
    const problems: string[] = [];
    const check = (ok: boolean, date: string, what: string) => void (ok || problems.push(`${date}: ${what}`));
    for (const { date, reply } of everyPost(lang)) {
      const html = renderReplyHtml(reply);
      check(html.length === 1, date, `${html.length} Telegram messages`);
      check(html.every((m) => m.length <= TELEGRAM_MESSAGE_LIMIT), date, 'a Telegram message over the limit');
      const embed = replyToMessage(reply, i18n).embeds[0]!;
      // Nothing cut: the whole text is the description.
      check(embed.description === toMarkdown(reply.text), date, `description ${JSON.stringify(embed.description)}`);
      const total = (embed.description ?? '').length + (embed.footer?.text.length ?? 0) + (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
      check(total <= LIMITS.embedTotal, date, `embed of ${total} characters`);
      check((embed.footer?.text ?? '') === (reply.citation ?? ''), date, `footer ${JSON.stringify(embed.footer?.text)}`);
      check(reply.buttons.length <= LIMITS.rows, date, `${reply.buttons.length} rows of buttons`);
      for (const b of reply.buttons.flat()) {
        check(b.label.length <= LIMITS.buttonLabel, date, `label "${b.label}"`);
        check(Buffer.byteLength(b.data) <= CALLBACK_DATA_LIMIT, date, `callback data "${b.data}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('puts no date before a statement that says it, and opens none with "Yes," or "No:"', () => {
    // The offending lines, collected and compared once: an expect per line and label costs seconds here.
    const dated: string[] = [];
    const yesNo: string[] = [];
    for (const { date, reply } of everyPost(lang)) {
      for (const line of reply.text.split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0 && dateLabels.has(line.slice(0, colon))) dated.push(`${date}: ${line}`);
        if (YES_NO_OPENING.test(line)) yesNo.push(`${date}: ${line}`);
      }
    }
    expect(dated).toEqual([]);
    expect(yesNo).toEqual([]);
  });

  it('tells an "on this day" event without notes on how the source dates it', () => {
    for (const { date, plan, reply } of everyPost(lang)) {
      if (plan.kind !== 'events') continue;
      expect(reply.text, date).not.toMatch(/\((?:[^)]*(?:context|article|контекст|стать|мәтін|мақала))[^)]*\)/i);
    }
  });

  it('asks a question every day, never the same two days running, never about the article or "this year"', () => {
    const { series } = planned.get(lang)!;
    let previous: string | undefined;
    for (const { date, plan } of series) {
      expect(plan.question, date).toBeDefined();
      expect(plan.question!.id, date).not.toBe(previous);
      previous = plan.question!.id;
      const item = questions.item(plan.question!.id, lang)!;
      expect(base.fact(item.factId)!.topics, date).not.toContain('article');
      expect(item.question, date).not.toMatch(/this year|last year|в этом году|в прошлом году|биыл|былтыр/i);
      // The post never gives its own question's answer away.
      const told = plan.kind === 'fact' ? [plan.factId] : plan.factIds;
      const event = base.fact(item.factId)!.event;
      for (const id of told) {
        expect(id, date).not.toBe(item.factId);
        expect(item.also ?? [], date).not.toContain(id);
        if (event) expect(base.fact(id)!.event, date).not.toBe(event);
      }
    }
  });

  it('never tells as the fact of the day what a question of the days around asks', () => {
    const { series } = planned.get(lang)!;
    series.forEach(({ date, plan }, i) => {
      if (plan.kind !== 'fact') return;
      for (const other of series.slice(Math.max(0, i - 3), i + 4)) expect(other.plan.question?.factId, `${date} and ${other.date}`).not.toBe(plan.factId);
    });
  });

  it('answers yesterday\'s question in today\'s post', () => {
    const { series } = planned.get(lang)!;
    for (let i = 1; i < series.length; i++) {
      const yesterday = series[i - 1]!;
      const item = questions.item(yesterday.plan.question!.id, lang)!;
      const reveal = i18n.t(lang, 'daily-reveal-answer', { answer: item.choices[item.correct]!, explanation: item.explanation });
      expect(series[i]!.reply.text, series[i]!.date).toContain(`${i18n.t(lang, 'daily-reveal-yesterday', { question: item.question })}\n${reveal}`);
    }
  });

  it('shows different things on different dates, the same on the same date', () => {
    const previews = planned.get(lang)!.previews.slice(0, DAYS);
    for (let i = 1; i < previews.length; i++) expect(previews[i]!.reply.text, previews[i]!.date).not.toBe(previews[i - 1]!.reply.text);
    const facts = previews.flatMap((p) => (p.plan.kind === 'fact' ? [p.plan.factId] : []));
    // A year of previews goes round most of the rotation (the rest are event days, anniversaries ahead, and
    // the facts of the event the day's question is about, held back so as not to give it away).
    expect(new Set(facts).size).toBeGreaterThan(composer.rotationSize * 0.6);
    expect(composer.preview('2024-08-20', lang)).toEqual(previews.find((p) => p.date === '2024-08-20')!.reply);
  });
});
