import { smallTalkOf } from '../resolver/small-talk.js';
import { normalize } from '../text/normalize.js';

/**
 * Whether a message asks nothing: an empty line, emoji and punctuation alone, or small talk (a greeting,
 * thanks, "ok", goodbye: the resolver's one lexicon, resolver/small-talk.ts). Such messages are answered like
 * any other but do not count against the rate limit (the eleventh "hi" or 👍 in a minute should not earn
 * "you are asking very fast") and are not kept in the question log.
 */
export function isSmallTalk(text: string): boolean {
  const normalized = normalize(text);
  return !/[\p{L}\p{N}]/u.test(normalized) || smallTalkOf(normalized) !== undefined;
}
