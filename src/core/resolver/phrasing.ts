import type { FactBase } from '../facts/fact-base.js';
import type { Fact, Lang } from '../facts/schema.js';
import type { I18n } from '../i18n/i18n.js';
import { formatFactDate } from '../text/dates.js';
import { firstSentence } from '../text/sentences.js';
import type { QuestionType } from './question-type.js';

/**
 * How an answer is worded for the question asked: the direct answer first (the date for "when", the number
 * for "how many", the name for "who", yes or no for a yes/no question), then the fact's own sentences. A
 * label is put in front only when the fact's first sentence does not already say it, so nothing is said twice.
 */
export class Phrasing {
  constructor(
    private readonly base: FactBase,
    private readonly i18n: I18n,
  ) {}

  /**
   * A fact's answer worded for the question type; `polarity` is the yes/no the fact gives, when known;
   * `countList` says a "how many" counts the fact's list.
   */
  answer(fact: Fact, type: QuestionType, lang: Lang, polarity?: 'yes' | 'no', countList = false): string {
    const text = fact.answer[lang];
    const first = firstSentence(text);
    if (type === 'yesno') return polarity ? `${this.i18n.t(lang, polarity)} ${text}` : text;
    if (type === 'when' && fact.date) {
      const date = formatFactDate(fact.date, lang);
      return saysDate(first, fact, lang) ? text : `${capitalize(date)} — ${text}`;
    }
    if (type === 'howmany') {
      if (fact.value?.type === 'list') return countList ? this.count(fact, lang) : text;
      return saysNumber(first, fact) ? text : `${capitalize(fact.short[lang])} — ${text}`;
    }
    if (type === 'who' && !this.namesPerson(first, fact, lang)) return `${capitalize(fact.short[lang])} — ${text}`;
    if (type === 'list' && fact.value?.type === 'list' && !fact.value.items[lang].every((i) => containsLoosely(text, i)))
      return `${text}\n${fact.value.items[lang].map((i) => `• ${i}`).join('\n')}`;
    return text;
  }

  /** "How many": the number of a list's items, then the items. */
  count(fact: Fact, lang: Lang): string {
    if (fact.value?.type !== 'list') return fact.answer[lang];
    const items = fact.value.items[lang];
    return `${items.length} — ${items.join(', ')}. ${fact.answer[lang]}`;
  }

  /** Whether a sentence names one of the people the fact involves (so "who" is already answered). */
  private namesPerson(sentence: string, fact: Fact, lang: Lang): boolean {
    const lower = sentence.toLowerCase();
    const ids = [...fact.entities, ...(fact.speaker ? [fact.speaker] : []), ...(fact.value?.type === 'entity' ? [fact.value.entity] : [])];
    return ids.some((id) => {
      const e = this.base.entity(id);
      if (!e || (e.kind !== 'person' && e.kind !== 'group' && e.kind !== 'organization')) return false;
      const last = e.name[lang].split(/\s+/).at(-1)?.toLowerCase() ?? '';
      return last.length > 2 && lower.includes(last.slice(0, Math.max(4, last.length - 2)));
    });
  }
}

/** Whether a sentence already gives the fact's date (its year, or its vague wording). */
function saysDate(sentence: string, fact: Fact, lang: Lang): boolean {
  const date = fact.date;
  if (!date) return true;
  if (date.text && sentence.includes(date.text[lang])) return true;
  const year = date.value.slice(0, 4);
  const day = date.precision === 'day' ? String(Number(date.value.slice(8, 10))) : undefined;
  return sentence.includes(year) && (day === undefined || new RegExp(`(?<!\\d)${day}(?!\\d)`).test(sentence));
}

/** Whether a sentence already gives the fact's number. */
function saysNumber(sentence: string, fact: Fact): boolean {
  if (fact.value?.type === 'number') {
    const n = fact.value.number;
    const forms = [String(n), n >= 1000 && n % 1000 === 0 ? String(n / 1000) : '', n >= 1e6 && n % 1e6 === 0 ? String(n / 1e6) : ''].filter(Boolean);
    return forms.some((f) => new RegExp(`(?<![\\d.,])${f}(?![\\d])`).test(sentence));
  }
  const digits = fact.short.en.match(/\d+/g);
  if (digits) return digits.every((d) => sentence.includes(d));
  return false;
}

/** Whether a text says an item, give or take its first and last letters (case endings). */
function containsLoosely(text: string, item: string): boolean {
  const core = item.toLowerCase().split(/\s+/).filter((w) => w.length > 3).map((w) => w.slice(0, Math.max(3, w.length - 2)));
  const lower = text.toLowerCase();
  return core.length > 0 && core.every((w) => lower.includes(w));
}

/** Upper-cases the first letter. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
