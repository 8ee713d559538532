import { escapeMarkdown } from 'discord.js';

/** Discord's documented size limits for the parts of a message this adapter fills. */
export const LIMITS = {
  embedDescription: 4096,
  embedFooter: 2048,
  embedFieldName: 256,
  embedFieldValue: 1024,
  /** All text of one embed together (title, description, fields, footer, author). */
  embedTotal: 6000,
  content: 2000,
  buttonLabel: 80,
  customId: 100,
  buttonsPerRow: 5,
  rows: 5,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandDescription: 100,
} as const;

const ELLIPSIS = '…';

/**
 * Shortens `text` to at most `max` UTF-16 units (Discord never counts more than that), ending with "…".
 * It cuts at a word boundary when one is near, so answers do not end mid-word, never splits a surrogate
 * pair (a broken emoji would make Discord reject the message) and drops a dangling Markdown escape.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  let end = max - ELLIPSIS.length;
  const space = text.lastIndexOf(' ', end);
  // Prefer the last space, unless it would throw away more than a fifth of the room.
  if (space > end * 0.8) end = space;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  let head = text.slice(0, end).trimEnd();
  while (head.endsWith('\\')) head = head.slice(0, -1);
  return `${head}${ELLIPSIS}`;
}

/**
 * Makes plain text from the core safe to show where Discord renders Markdown: escapes Markdown and breaks
 * `@everyone`/`@here` with a zero-width space. allowedMentions already stops pings; this also stops the
 * text from looking like one.
 */
export function toMarkdown(text: string): string {
  return neutralizeMassMentions(escapeMarkdown(text));
}

/** Breaks `@everyone` and `@here` so that they can neither ping nor render as a mention. */
export function neutralizeMassMentions(text: string): string {
  return text.replace(/@(everyone|here)/g, '@\u200b$1');
}
