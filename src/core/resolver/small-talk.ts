import { foldKazakh } from '../text/kazakh-script.js';

/** What a message that is not a question says: a greeting, thanks, an acknowledgement ("ok", "понятно"), goodbye, or "who are you". */
export type SmallTalk = 'hello' | 'thanks' | 'ack' | 'bye' | 'who-are-you';

/**
 * Whole messages of small talk per kind, in English, Russian and Kazakh (Kazakh in folded form, so it is
 * read with or without Kazakh letters and in Latin script). A message is small talk only when, apart
 * from these phrases, emoji and punctuation, nothing is left: "thanks, and when was the referendum?" is a
 * question.
 */
const PHRASES: Record<SmallTalk, string[]> = {
  hello: [
    'hi', 'hello', 'hey', 'hiya', 'yo', 'good morning', 'good afternoon', 'good evening', 'greetings', 'hi there', 'hello there',
    'привет', 'здравствуй', 'здравствуйте', 'добрый день', 'доброе утро', 'добрый вечер', 'приветствую', 'хай', 'салют',
    'салем', 'салеметсиз бе', 'саламатсиз ба', 'саламатсизба', 'кайирли тан', 'кайирли кеш', 'ассалаумагалаикум', 'салам',
  ],
  thanks: [
    'thanks', 'thank you', 'thx', 'ty', 'thanks a lot', 'thank you very much', 'many thanks', 'great thanks', 'cool thanks', 'ok thanks', 'perfect',
    'спасибо', 'спс', 'благодарю', 'спасибо большое', 'большое спасибо', 'понятно спасибо', 'ок спасибо', 'отлично',
    'рахмет', 'кеп рахмет', 'улкен рахмет', 'рахмет сизге', 'жаксы рахмет',
  ],
  ack: [
    'ok', 'okay', 'good', 'great', 'cool', 'nice', 'fine', 'alright', 'got it', 'i see', 'understood', 'interesting', 'wow',
    'хорошо', 'ладно', 'понятно', 'ясно', 'окей', 'ок', 'класс', 'круто', 'норм', 'интересно', 'понял', 'поняла', 'ясненько',
    'жаксы', 'тусиникти', 'жарайды', 'макул', 'тамаша', 'керемет', 'тусиндим', 'кызык', 'тусинди',
  ],
  bye: [
    'bye', 'goodbye', 'see you', 'see ya', 'bye bye', 'good night', 'cya', 'later',
    'пока', 'до свидания', 'до встречи', 'всего доброго', 'спокойной ночи',
    'сау бол', 'сау болиниз', 'кош бол', 'кош болиниз', 'келеси кездескенше', 'каиирли тун',
  ],
  'who-are-you': [
    'who are you', 'what are you', 'what can you do', 'what do you do', 'what do you know', 'are you a bot', 'are you human', 'help',
    'кто ты', 'кто вы', 'ты кто', 'что ты умеешь', 'что вы умеете', 'что ты знаешь', 'ты бот', 'помощь', 'помоги',
    'сен кимсин', 'сиз кимсиз', 'не истеи аласин', 'не истеи аласиз', 'не билесин', 'сен ботсин ба', 'комек',
  ],
};

const LOOKUP = new Map<string, SmallTalk>();
for (const [kind, phrases] of Object.entries(PHRASES) as [SmallTalk, string[]][]) for (const p of phrases) LOOKUP.set(foldKazakh(p), kind);

/**
 * The small talk a whole message is, if it is nothing else: greetings, thanks and goodbyes may come
 * together ("ok thanks, bye"); the last kind said wins.
 */
export function smallTalkOf(normalized: string): SmallTalk | undefined {
  const text = normalized
    .replace(/[^\p{L}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return undefined;
  const words = text.split(' ').map(foldKazakh);
  let found: SmallTalk | undefined;
  // Greedy: the longest phrase at each position; anything that is not a phrase (or "ok", "so", "and") makes it a real message.
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let len = Math.min(4, words.length - i); len > 0; len--) {
      const kind = LOOKUP.get(words.slice(i, i + len).join(' '));
      if (kind) {
        found = kind;
        matched = len;
        break;
      }
    }
    if (matched === 0) {
      if (FILLER.has(words[i] ?? '')) matched = 1;
      else return undefined;
    }
    i += matched;
  }
  return found;
}

/** Words that may stand around small talk without making it a question. */
const FILLER = new Set(['ok', 'okay', 'so', 'and', 'oh', 'well', 'again', 'bot', 'ок', 'ну', 'и', 'а', 'ладно', 'бот', 'жане', 'сизге', 'саган']);
