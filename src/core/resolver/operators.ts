import type { Lang } from '../facts/schema.js';
import { foldKazakh } from '../text/kazakh-script.js';

/**
 * Questions that need an operation over two things the source dates, rather than one fact:
 * which of two came first or later, and how much time passed between them. The resolver finds each
 * argument as a question of its own and computes the answer from their typed dates.
 */
export type Operator =
  | { kind: 'compare'; want: 'earlier' | 'later'; args: [string, string]; context: string }
  | { kind: 'duration'; unit?: 'days' | 'weeks' | 'months' | 'years'; args: [string, string]; context: string };

/** Folds Kazakh words so that one pattern reads every script. */
function fold(text: string, lang: Lang): string {
  return lang === 'kk' ? text.replace(/[\p{L}]+/gu, (w) => foldKazakh(w)) : text;
}

const EARLIER: Record<Lang, RegExp> = {
  en: /\b(?:which|what)\b[^?]*?\b(?:first|earlier|sooner|before the other)\b|\b(?:came|happened|was|took place)\s+(?:first|earlier)\b/u,
  ru: /(?:что|какое|кто|какой|какая)[^?]*?(?:раньше|ранее|сначала|первым|первой|первее|прежде)/u,
  kk: /каисиси[^?]*?(?:бурин|алдимен|ерте|бирински)/u,
};
const LATER: Record<Lang, RegExp> = {
  en: /\b(?:which|what)\b[^?]*?\b(?:later|last|after the other|second)\b/u,
  ru: /(?:что|какое|кто|какой|какая)[^?]*?(?:позже|позднее|потом|последним|вторым)/u,
  kk: /каисиси[^?]*?(?:кеиин|кеш|социнан|соннан)/u,
};

/** "how long after", "how much time between", "сколько дней прошло", "канша уакит отти". */
const DURATION: Record<Lang, RegExp> = {
  en: /\bhow (?:long|much time|many (?:days|weeks|months|years))\b|\bhow old was\b|\bwhat (?:was the )?(?:time|gap|interval) between\b/u,
  ru: /сколько (?:времени|дней|недель|месяцев|лет)|через сколько (?:дней|недель|месяцев|лет)|какой (?:промежуток|срок) (?:времени )?(?:прошел|между)/u,
  kk: /канша (?:уакит|кун|апта|аи|жил)|неше (?:кун|апта|аи|жил)/u,
};

const UNIT: [RegExp, 'days' | 'weeks' | 'months' | 'years'][] = [
  [/\bdays?\b|дн(?:ей|я)|день|(?<![\p{L}])кун/u, 'days'],
  [/\bweeks?\b|недел|(?<![\p{L}])апта/u, 'weeks'],
  [/\bmonths?\b|месяц|(?<![\p{L}])аи(?:дан)?(?![\p{L}])/u, 'months'],
  [/\byears?\b|\bold\b|(?<![\p{L}])(?:лет|год|жил)/u, 'years'],
];

/** Words that join the two arguments, per language (folded for Kazakh). */
const OR: Record<Lang, RegExp> = {
  en: /\s+or\s+|\s+vs\.?\s+|\s+versus\s+/u,
  ru: /\s+или\s+|\s+либо\s+/u,
  kk: /\s+(?:алде|немесе)\s+|\s+(?:ме|ма|ба|бе|па|пе)[,\s]+(?:алде\s+)?/u,
};
const AND: Record<Lang, RegExp> = {
  en: /\s+and\s+|\s+to\s+/u,
  ru: /\s+и\s+|\s+до\s+/u,
  kk: /\s+(?:мен|пен|бен|жане)\s+|(?<=\p{L})(?:мен|пен|бен)\s+/u,
};

/** The operator a question asks for, with its two arguments, if it asks for one. */
export function detectOperator(normalized: string, lang: Lang): Operator | undefined {
  const text = fold(normalized, lang).replace(/[«»"“”]/gu, '');
  const duration = DURATION[lang].test(text) || (lang !== 'en' && DURATION.en.test(text));
  if (duration) {
    const args = durationArgs(text, lang);
    if (args) return { kind: 'duration', unit: UNIT.find(([re]) => re.test(text))?.[1], args: args.args, context: args.context };
  }
  const earlier = EARLIER[lang].test(text);
  const later = LATER[lang].test(text);
  if (earlier || later) {
    const args = splitArgs(text, OR[lang]);
    if (args) return { kind: 'compare', want: earlier ? 'earlier' : 'later', args: args.args, context: args.context };
  }
  return undefined;
}

/**
 * Splits "…: A or B?" / "…, A or B?" / "A or B: which was first?" into A and B, and the rest of the
 * question (the context each argument is read in: "which Russian city did Tokayev visit in February").
 * Kazakh asks "A ма, әлде B ма?": the question particles around the arguments are dropped.
 */
function splitArgs(text: string, joiner: RegExp): { args: [string, string]; context: string } | undefined {
  const clean = text.replace(/[?!.]+\s*$/u, '').trim();
  const clauses = (separator: RegExp) => clean.split(separator).map((c) => c.trim()).filter(Boolean);
  // Try the clauses a colon or dash makes ("…: A ма, әлде B ма"), then those commas make too, then the
  // whole question ("was A or B first").
  const passes = [/\s*[:;—–]\s*|\s+-\s+/u, /\s*[:,;—–]\s*|\s+-\s+/u, undefined];
  for (const separator of passes) {
    const parts = separator ? clauses(separator) : [clean];
    const holder = parts.length > 1 || !separator ? parts.find((c) => joiner.test(c)) : undefined;
    if (!holder) continue;
    const args = holder
      .split(joiner)
      .map((p) => p.replace(/^[,\s]+|[,\s]+$/gu, '').replace(/\s+(?:ме|ма|ба|бе|па|пе)$/u, '').trim())
      .filter(Boolean);
    if (args.length !== 2) continue;
    return { args: [args[0] ?? '', args[1] ?? ''], context: parts.filter((c) => c !== holder).join(' ') };
  }
  return undefined;
}

/** "between A and B", "after A … B", "from A to B", "A мен B арасында". */
function durationArgs(text: string, lang: Lang): { args: [string, string]; context: string } | undefined {
  const clean = text.replace(/[?!.]+\s*$/u, '').trim();
  const between = /\b(?:between|from)\s+(.+)$|(?:между|от|с)\s+(.+)$/u.exec(clean);
  if (between) {
    const rest = (between[1] ?? between[2] ?? '').replace(/\s+(?:passed|elapsed|прошло|прошел)$/u, '');
    const parts = rest.split(AND[lang]).map((p) => p.trim()).filter(Boolean);
    if (parts.length === 2) return { args: [parts[0] ?? '', parts[1] ?? ''], context: '' };
  }
  if (lang === 'kk') {
    const m = /^(.+?)\s+(?:арасинда|аралигинда)/u.exec(clean);
    const parts = m?.[1]?.split(AND.kk).map((p) => p.trim()).filter(Boolean);
    if (parts?.length === 2) return { args: [parts[0] ?? '', parts[1] ?? ''], context: '' };
  }
  // "how long after A did B (take place)", "через сколько месяцев после A B".
  const after = /\bafter\s+(.+?)\s+(?:did|was|were|had|has)\s+(.+)$|после\s+(.+?)\s+((?:токаев|он|она|они|был|была|было|были|прошел|прошла|прошло|состоял|выступил)\S*.*)$/u.exec(clean);
  if (after) {
    const a = after[1] ?? after[3] ?? '';
    const b = after[2] ?? after[4] ?? '';
    if (a && b) return { args: [a, b], context: '' };
  }
  // "how old was A when B".
  const when = /how old was\s+(.+?)\s+when\s+(.+)$/u.exec(clean);
  if (when?.[1] && when[2]) return { args: [when[1], when[2]], context: '' };
  return undefined;
}

/**
 * The parts of a question that asks two things at once ("when was the referendum and what share voted
 * for?"): split where a new question word follows "and", a comma or a question mark. One part means the
 * question asks one thing.
 */
export function splitParts(normalized: string, lang: Lang): string[] {
  const text = normalized.trim();
  const starts = PART_START[lang];
  const pieces: string[] = [];
  let rest = text;
  for (;;) {
    const m = starts.exec(rest);
    if (!m || m.index === 0) break;
    const head = rest.slice(0, m.index).trim();
    // A part must be a question on its own: a few words at least, asking something ("Opening the round
    // table, how did…" and "According to Kosherbayev, which…" are one question).
    if ((head.match(/[\p{L}\p{N}]+/gu) ?? []).length < 3 || !ASKS[lang].test(head)) break;
    pieces.push(head);
    rest = rest.slice(m.index + m[0].length - (m[1] ?? m[2] ?? '').length).trim();
  }
  pieces.push(rest);
  return pieces.filter((p) => (p.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 2);
}

/** Whether a clause asks something: a question word, or the opening of a yes/no question. */
const ASKS: Record<Lang, RegExp> = {
  en: /(?<![\p{L}])(?:what|when|where|who|whom|which|why|how)(?![\p{L}])|^(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had)(?![\p{L}])/u,
  ru: /(?<![\p{L}])(?:что|когда|где|кто|кого|кому|какую|какой|какая|какие|каким|каков|почему|зачем|сколько|куда|ли)(?![\p{L}])/u,
  kk: /(?<![\p{L}])(?:не|нені|қашан|кашан|қайда|кайда|кім|ким|қандай|кандай|қай|кай|неге|қанша|канша|неше|ма|ме|ба|бе|па|пе)(?![\p{L}])/u,
};

/** A joiner followed by a question word: where a second question starts. The question word is captured. */
const PART_START: Record<Lang, RegExp> = {
  en: /(?:\?\s+|,?\s+and\s+|,\s+)((?:what|when|where|who|whom|which|why|how)\b)|(?:\?\s+|,?\s+and\s+)((?:did|does|do|is|was|were)\b)/u,
  ru: /(?:\?\s+|,?\s+и\s+|,?\s+а\s+|,\s+)((?:что|когда|где|кто|кого|какую|какой|какая|какие|каким|почему|зачем|сколько|куда)(?![\p{L}]))/u,
  kk: /(?:\?\s+|,?\s+(?:және|жане)\s+|,\s+)((?:не|нені|қашан|кашан|қайда|кайда|кім|ким|қандай|кандай|қай|кай|неге|қанша|канша|неше)(?![\p{L}]))/u,
};
