/** Shortening text for display without breaking a character. */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The text cut to at most `max` UTF-16 units (as Telegram and Discord count) with an ellipsis, between
 * graphemes: an emoji, a flag or a letter with its accents is never cut in half (a lone surrogate makes
 * Telegram refuse the whole message).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out}…`;
}
