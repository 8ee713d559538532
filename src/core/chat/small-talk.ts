/**
 * Messages that ask nothing: empty lines, emoji and punctuation alone, greetings and thanks. They are answered
 * like any message but do not count against the rate limit: the eleventh "hi" or 👍 in a minute should not
 * earn "you are asking very fast".
 */

/** Words that, alone or together, greet, thank or acknowledge (English, Russian, Kazakh). */
const SMALL_TALK_WORDS: ReadonlySet<string> = new Set([
  'hi', 'hello', 'hey', 'hiya', 'yo', 'thanks', 'thank', 'you', 'thx', 'ty', 'ok', 'okay', 'bye', 'good', 'morning', 'evening', 'afternoon', 'great', 'cool', 'nice',
  'привет', 'приветик', 'здравствуй', 'здравствуйте', 'добрый', 'доброе', 'день', 'утро', 'вечер', 'спасибо', 'благодарю', 'пасиб', 'ок', 'окей', 'пока', 'понятно', 'ясно', 'класс', 'отлично',
  'сәлем', 'салем', 'сәлеметсіз', 'сәлеметсізбе', 'бе', 'рахмет', 'рақмет', 'сау', 'бол', 'болыңыз', 'жақсы', 'түсінікті',
]);

/** Whether a message asks nothing (see the module comment). */
export function isSmallTalk(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  return words.length === 0 || words.every((w) => SMALL_TALK_WORDS.has(w));
}
