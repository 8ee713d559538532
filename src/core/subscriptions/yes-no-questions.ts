/**
 * Questions of the day from the facts' own yes/no questions, until the authored quiz bank replaces them (it
 * plugs in as another {@link QuestionOfTheDay}). Only questions that read well on any day of any year are used:
 * none about the article itself, none that count time from the article ("this year", "last spring"), none
 * about what the source leaves out ("Does the article give the turnout?").
 */
import type { FactBase } from '../facts/fact-base.js';
import { LANGS, type Fact, type Lang } from '../facts/schema.js';
import type { I18n } from '../i18n/i18n.js';
import { countsTimeFromTheArticle, toldStatement } from './post-text.js';
import { pickInOrder, stableHash, stableOrder, type DailyQuestion, type QuestionOfTheDay } from './question-of-the-day.js';

/** The topic of facts about the article itself (its title, date, sections). */
export const ARTICLE_TOPIC = 'article';

/** A capitalised question ending with "?" (the fact files also keep typos people make). */
const WELL_FORMED = /^[\p{Lu}«"“].*\?$/u;
/** Questions about the article itself, its author or its source, or about what is true "now", in any language. */
const ABOUT_THE_ARTICLE = /\barticle\b|\bsource\b|\bauthor\b|\blast\b|\balready\b|\bnow\b|\bcurrently\b|стать\p{L}*|источник|автор|сейчас|уже|последн|мақала|дереккөз|қазір|соңғы сайлау/iu;

/** Questions about what the source says or leaves out ("Указана ли дата…?"), not about what happened. */
const ABOUT_THE_SOURCE = /^(?:привод\p{L}* ли|указан\p{L}* ли|сказано ли|упомина\p{L}* ли|названы ли|перечислен\p{L}* ли|описан\p{L}* ли|известн\p{L}* ли)/iu;

/** The facts' yes/no questions as questions of the day: the item id is the fact's id. */
export class YesNoQuestions implements QuestionOfTheDay {
  /** Fact ids with usable questions, in the order questions are asked. */
  private readonly order: string[];

  constructor(
    private readonly base: FactBase,
    private readonly i18n: I18n,
  ) {
    // The reveal explains with the fact's first sentence: it must read well on any date too.
    const usable = base.facts.filter(
      (f) => !f.topics.includes(ARTICLE_TOPIC) && LANGS.every((l) => this.yesNo(f, l) !== undefined && !countsTimeFromTheArticle(toldStatement(f, l))),
    );
    this.order = stableOrder(usable, (f) => f.id, 'question-of-the-day').map((f) => f.id);
  }

  /** How many questions there are (each is asked once before any repeats). */
  get size(): number {
    return this.order.length;
  }

  pick(date: string, avoid: ReadonlySet<string>): string | undefined {
    return pickInOrder(this.order, date, (id) => avoid.has(id));
  }

  item(id: string, lang: Lang): DailyQuestion | undefined {
    const fact = this.base.fact(id);
    const yn = fact && !fact.topics.includes(ARTICLE_TOPIC) ? this.yesNo(fact, lang) : undefined;
    if (!fact || !yn) return undefined;
    return {
      id,
      factId: fact.id,
      question: yn.q,
      choices: [this.i18n.t(lang, 'daily-choice-yes'), this.i18n.t(lang, 'daily-choice-no')],
      correct: yn.a === 'yes' ? 0 : 1,
      explanation: toldStatement(fact, lang),
    };
  }

  /**
   * One of the fact's usable yes/no questions in a language, always the same one. Which one depends on the
   * fact's id, so that not every question of the day is a "yes" (most facts list their "yes" question first).
   */
  private yesNo(fact: Fact, lang: Lang): { q: string; a: 'yes' | 'no' } | undefined {
    const usable = (fact.yesno?.[lang] ?? []).filter((item) => WELL_FORMED.test(item.q) && !countsTimeFromTheArticle(item.q) && !ABOUT_THE_ARTICLE.test(item.q) && !ABOUT_THE_SOURCE.test(item.q));
    return usable[stableHash(fact.id) % Math.max(1, usable.length)];
  }
}
