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

// Order matters: the first rule that matches wins ("how many years" is a number, not a date).
const RULES: { type: QuestionType; pattern: RegExp }[] = [
  {
    type: 'why',
    pattern: words('why', 'what for', 'for what reason', 'reasons?', 'почему', 'зачем', 'по какой причине', 'причин*', 'неге', 'не үшін', 'себеб*'),
  },
  {
    type: 'howmany',
    pattern: words(
      'how (?:many|much|long|big|large|old)',
      'what (?:share|percentage|percent|fraction|proportion|number|amount|part)',
      "what(?: is|'s| was) the (?:population|number|size|amount|share|percentage|total)",
      'какое население',
      'какова численность',
      'какая численность',
      'сколько',
      'какой процент',
      'какая доля',
      'какую долю',
      'қанша*',
      'неше*',
    ),
  },
  {
    type: 'when',
    pattern: words(
      'when',
      'what (?:date|day|year|month|time)',
      'which (?:date|day|year|month)',
      'date of',
      'когда',
      'какого числа',
      'в каком году',
      'в какой день',
      'в каком месяце',
      'дата',
      'қашан',
      'қай күн*',
      'қай жыл*',
      'қай ай*',
      'қай кезде',
    ),
  },
  {
    type: 'who',
    pattern: words('who', 'whom', 'whose', 'кто', 'кого', 'кому', 'кем', 'чей', 'чья', 'чьи', 'кім*'),
  },
  {
    type: 'where',
    pattern: words(
      'where',
      '(?:in |at )?which (?:city|country|place|town)',
      'где',
      'куда',
      'в каком городе',
      'в какой стране',
      'қайда',
      'қай жерде',
      'қай қала*',
      'қай ел*',
    ),
  },
  {
    type: 'list',
    pattern: words('list', 'name (?:two|three|some|the|all|at least)', 'which (?:are|were)', 'what are', 'what were', 'перечисл*', 'назови*', 'назовите', 'какие', 'атаңыз', 'атап бер*'),
  },
];

const YES_NO = [
  /^(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|shall|may|might|must|isn't|aren't|wasn't|didn't|doesn't)(?![\p{L}])/u,
  /(?<![\p{L}])ли(?![\p{L}])|^(?:правда|верно|действительно)(?![\p{L}])/u,
  /(?<![\p{L}])(?:ма|ме|ба|бе|па|пе|ма екен|ме екен)(?![\p{L}])/u,
];

/** Whether the question is phrased as yes/no, whatever else it asks. */
export function isYesNo(normalized: string): boolean {
  const text = normalized.trim();
  // "Under the 2022 amendments, did …": the question may start after an introductory phrase.
  const clauses = [text, ...text.split(/,\s*/u).slice(1)];
  return clauses.some((clause) => YES_NO.some((p) => p.test(clause)));
}

/** Polite openings that wrap a question without changing what it asks. */
const POLITE = /^(?:(?:can|could|would) you (?:please )?(?:tell|explain to|remind) me|do you know|tell me|please|скажите|подскажите|расскажите|знаете ли вы|айтыңызшы|айтып беріңізші)[\s,:]*/u;

/** Classifies a normalised question: a yes/no form wins, then the first matching question word. */
export function questionType(normalized: string): QuestionType {
  const text = normalized.trim().replace(POLITE, '');
  if (isYesNo(text)) return 'yesno';
  for (const rule of RULES) if (rule.pattern.test(text)) return rule.type;
  return 'what';
}
