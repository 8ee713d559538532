import { expect } from 'vitest';

/** Checks that a message is HTML Telegram accepts: only our tags, balanced, every `&` an entity, within 4096. */
export function expectValidTelegramHtml(html: string): void {
  expect(html.length).toBeGreaterThan(0);
  expect(html.length).toBeLessThanOrEqual(4096);
  const tags = [...html.matchAll(/<\/?([a-z]+)>/g)].map((m) => m[0]);
  for (const tag of tags) expect(['<i>', '</i>', '<b>', '</b>']).toContain(tag);
  expect(tags.filter((t) => t === '<i>').length).toBe(tags.filter((t) => t === '</i>').length);
  expect(tags.filter((t) => t === '<b>').length).toBe(tags.filter((t) => t === '</b>').length);
  const text = html.replace(/<\/?[a-z]+>/g, '');
  expect(text).not.toMatch(/[<>]/);
  expect(text.replace(/&(?:amp|lt|gt|quot|#\d+);/g, '')).not.toContain('&');
}

/** What the user reads: the message without tags, entities decoded. */
export function seen(html: string): string {
  return html
    .replace(/<\/?[a-z]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
