import type { Lang } from '../facts/schema.js';
import { foldKazakh } from '../text/kazakh-script.js';
import { detectLang } from '../text/language.js';

/** What a question asks for; it decides how the answer is phrased. */
export type QuestionType = 'when' | 'who' | 'where' | 'howmany' | 'why' | 'list' | 'yesno' | 'what';

/**
 * A pattern of alternatives that must stand as whole words. JavaScript's `\b` knows only ASCII,
 * so the boundaries are written with Unicode letter classes to work for Cyrillic too.
 * An alternative ending in `*` may continue with more letters (a stem).
 */
function words(...alternatives: string[]): RegExp {
  const body = alternatives.map((a) => (a.endsWith('*') ? `${a.slice(0, -1)}[\\p{L}]*` : a)).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'u');
}

interface Rule {
  type: QuestionType;
  pattern: RegExp;
}

// Per language; within a language the first rule that matches wins ("how many years" is a number, not a date).
// Kazakh rules are written in the folded form (see foldKazakh) and matched against the folded question, so
// they read "қашан", "кашан" and "qashan" alike.
const RULES: Record<Lang, Rule[]> = {
  en: [
    { type: 'why', pattern: words('why', 'what for', 'for what reason', 'reasons?', 'how come', 'what made', 'what caused', 'what led to') },
    {
      type: 'howmany',
      pattern: words(
        'how (?:many|much|long|big|large|old)',
        'what (?:share|percentage|percent|fraction|proportion|number|amount|part|sum|size)',
        "what(?: is|'s| was) the (?:population|number|size|amount|share|percentage|total)",
        'roughly how',
        'counting',
      ),
    },
    {
      type: 'when',
      pattern: words('when', 'what (?:date|day|year|month|time)', '(?:in |on )?which (?:date|day|year|month)', 'date of', 'what year', 'which year'),
    },
    { type: 'who', pattern: words('who', 'whom', 'whose', 'which (?:person|people|russian leader|leader|official|politician|diplomat)') },
    { type: 'where', pattern: words('where', '(?:in |at |to )?which (?:city|country|place|town|capital)', 'what (?:city|country|place)') },
    {
      type: 'list',
      pattern: words('list', 'name (?:two|three|some|the|all|at least|any|2|3)', 'which (?:are|were)', 'what are', 'what were', 'what (?:effects|changes|measures|steps|principles|things|problems|questions|pressures)'),
    },
  ],
  ru: [
    { type: 'why', pattern: words('почему', 'зачем', 'отчего', 'с чего', 'по какой причине', 'причин*', 'из-за чего') },
    {
      type: 'howmany',
      pattern: words('какое население', 'какова численность', 'какая численность', 'сколько', 'какой процент', 'какая доля', 'какую долю', 'каким стал срок', 'какой срок', 'на сколько', 'через сколько'),
    },
    { type: 'when', pattern: words('когда', 'какого числа', 'в каком году', 'в какой день', 'в каком месяце', 'какого года', 'дата') },
    { type: 'who', pattern: words('кто', 'кого', 'кому', 'кем', 'чей', 'чья', 'чьи', 'чьё', 'чье') },
    { type: 'where', pattern: words('где', 'куда', 'откуда', 'в каком городе', 'в какой стране') },
    { type: 'list', pattern: words('перечисл*', 'назови*', 'назовите', 'какие', 'что именно', 'хотя бы два') },
  ],
  kk: [
    { type: 'why', pattern: words('неге', 'не ушин', 'себеб*', 'неликтен', 'nege') },
    { type: 'howmany', pattern: words('канша*', 'неше*', 'кандаи болиги*', 'кандаи улес*', 'пайиз*') },
    { type: 'when', pattern: words('кашан', 'каи куни', 'каи жил*', 'каи аи*', 'каи кезде', 'кандаи куни', 'кандаи жил*', 'каи уакит*') },
    { type: 'who', pattern: words('ким*') },
    { type: 'where', pattern: words('каида', 'каи жерде', 'каи кала*', 'каи ел*', 'кандаи кала*') },
    { type: 'list', pattern: words('атаниз', 'ата', 'атап бер*', 'атап шик*', 'тизип*', 'кеминде еки*', 'екеуин') },
  ],
};

const YES_NO: Record<Lang, RegExp[]> = {
  en: [
    /^(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|shall|may|might|must|isn't|aren't|wasn't|weren't|didn't|doesn't|don't|hasn't|haven't)(?![\p{L}])/u,
    /(?<![\p{L}])or (?:nah|not|what|no|nope)\W*$|(?<![\p{L}])(?:right|true)\W*\?*\s*$/u,
  ],
  ru: [/(?<![\p{L}])ли(?![\p{L}])|^(?:правда|верно|действительно|неужели)(?![\p{L}])/u, /(?<![\p{L}])(?:или как|или нет|или что|да или нет)\W*$|(?<![\p{L}])да\s*\?+\s*$/u],
  kk: [/(?<![\p{L}])(?:ма|ме|ба|бе|па|пе|ма екен|ме екен|ма еди|ме еди|ма ози|ме ози)(?![\p{L}])/u, /(?<![\p{L}])(?:солаи ма|рас па|ия ма)\W*$/u],
};

/** Whether the question is phrased as yes/no, whatever else it asks. */
export function isYesNo(normalized: string, lang: Lang = detectLang(normalized) ?? 'en'): boolean {
  const text = matchForm(normalized.trim(), lang);
  // "Under the 2022 amendments, did …": the question may start after an introductory phrase.
  const clauses = [text, ...text.split(/[,:]\s*/u).slice(1)];
  return clauses.some((clause) => YES_NO[lang].some((p) => p.test(clause.trim())));
}

/** Polite openings and fillers that wrap a question without changing what it asks. */
const POLITE =
  /^(?:(?:ok(?:ay)?|so|well|hey|yo|hi|hello|listen|слушай|слушайте|ну|а|так|привет|сәлем|салем)[\s,!:.]+)*(?:(?:can|could|would) you (?:please )?(?:tell|explain to|remind) me|do you know|tell me|please|скажите|подскажите|расскажите|знаете ли вы|айтыңызшы|айтып беріңізші)?[\s,:]*/u;

/** The form rules are matched against: Kazakh folded word by word, other languages as they are. */
function matchForm(text: string, lang: Lang): string {
  return lang === 'kk' ? text.replace(/[\p{L}]+/gu, (w) => foldKazakh(w)) : text;
}

/**
 * Classifies a normalised question: a yes/no form wins, then the first question word of its language that
 * matches; a question with no question word that ends in "?" and has a few words ("чё, Токаев в Питер один
 * мотался?") is a yes/no question told by intonation; anything else asks "what".
 */
export function questionType(normalized: string, lang: Lang = detectLang(normalized) ?? 'en'): QuestionType {
  const text = normalized.trim().replace(POLITE, '');
  if (isYesNo(text, lang)) return 'yesno';
  const own = matchForm(text, lang);
  for (const rule of RULES[lang]) if (rule.pattern.test(own)) return rule.type;
  if (/\?\s*$/u.test(text) && (text.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 4 && !WH_WORD[lang].test(own)) return 'yesno';
  return 'what';
}

/** Words that make a question a wh-question even when no rule above names its type ("what", "что", "не"). */
const WH_WORD: Record<Lang, RegExp> = {
  en: words('what', 'which', 'how', 'who', 'whom', 'where', 'when', 'why'),
  ru: words('что', 'чем', 'чего', 'чему', 'какой', 'какая', 'какое', 'какие', 'каким', 'какую', 'каков', 'какова', 'каковы', 'как', 'кто', 'где', 'когда', 'почему', 'зачем'),
  kk: words('не', 'нени', 'ненин', 'кандаи', 'калаи', 'каисиси', 'каи', 'ким', 'кашан', 'каида', 'неге'),
};
