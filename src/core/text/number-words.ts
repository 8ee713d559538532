/**
 * Spelled-out numbers as digits, so "a hundred and fifteen dollars" meets "$115" and "двадцать лет" meets
 * "20 years". Covers English and Russian cardinals up to the millions, the way people write them in chat.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  один: 1, одна: 1, два: 2, две: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9, десять: 10,
  одиннадцать: 11, двенадцать: 12, тринадцать: 13, четырнадцать: 14, пятнадцать: 15, шестнадцать: 16, семнадцать: 17,
  восемнадцать: 18, девятнадцать: 19, двадцать: 20, тридцать: 30, сорок: 40, пятьдесят: 50, шестьдесят: 60,
  семьдесят: 70, восемьдесят: 80, девяносто: 90, сто: 100, двести: 200, триста: 300, четыреста: 400, пятьсот: 500,
  шестьсот: 600, семьсот: 700, восемьсот: 800, девятьсот: 900,
};
const HUNDRED = new Set(['hundred']);
/** Scale words keep their own token ("800 thousand" is how the source writes it), so they are not folded in. */
const JOINERS = new Set(['and', '-']);

/** Any number word, as a whole word: most texts have none and are returned at once. */
const ANY_NUMBER_WORD = new RegExp(`(?<![\\p{L}])(?:${Object.keys(UNITS).join('|')})(?![\\p{L}])`, 'u');

/** Replaces runs of number words in a normalised (lower-case) text with their value in digits. */
export function numberWordsToDigits(text: string): string {
  if (!ANY_NUMBER_WORD.test(text)) return text;
  const words = text.split(/(\s+)/);
  const out: string[] = [];
  let value: number | undefined;
  let pendingSpace = '';
  let run: string[] = [];
  const flush = () => {
    // "one" alone is as often a pronoun ("which one") as a number: keep it as a word.
    if (value !== undefined) out.push(run.length === 1 && value === 1 ? (run[0] ?? '') : String(value));
    value = undefined;
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (/^\s+$/.test(w)) {
      pendingSpace = w;
      continue;
    }
    const parts = w.split('-');
    const nums = parts.map((p) => UNITS[p]);
    // "seven-year": a number word joined to a noun.
    if (parts.length > 1 && nums[0] !== undefined && nums.slice(1).every((x) => x === undefined)) {
      flush();
      if (out.length) out.push(pendingSpace);
      out.push([String(nums[0]), ...parts.slice(1)].join('-'));
      pendingSpace = '';
      continue;
    }
    const isArticle = (w === 'a' || w === 'an') && HUNDRED.has(words[i + 2] ?? '');
    if (nums.every((n) => n !== undefined)) {
      const n = nums.reduce<number>((s, x) => s + (x ?? 0), 0);
      if (value === undefined) {
        if (out.length) out.push(pendingSpace);
        value = n;
      } else value += n;
      run.push(w);
    } else if (isArticle) {
      if (value === undefined) {
        if (out.length) out.push(pendingSpace);
        value = 1;
      }
      run.push(w, 'hundred');
    } else if (HUNDRED.has(w) && value !== undefined) value *= 100;
    else if (JOINERS.has(w) && value !== undefined && UNITS[words[i + 2] ?? ''] !== undefined) continue;
    else {
      flush();
      if (out.length) out.push(pendingSpace);
      out.push(w);
    }
    pendingSpace = '';
  }
  flush();
  return out.join('');
}
