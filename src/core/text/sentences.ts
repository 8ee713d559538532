/**
 * The first sentence of a text: up to a full stop, question or exclamation mark (or ellipsis) that is
 * followed by the start of a new sentence, so "St. Petersburg" does not end it.
 */
export function firstSentence(text: string): string {
  const m = /^[\s\S]+?(?<!(?:^|\s)(?:St|Mr|Mrs|Dr|Prof|ст|г|им|т\.е|др))[.!?…](?=\s+[\p{Lu}«"“(\d]|$)/u.exec(text.trim());
  return (m ? m[0] : text).trim();
}
