import { describe, expect, it } from 'vitest';
import { CHUNK_LIMIT, escapeHtml, renderReplyHtml, splitPlain } from '../../src/adapters/telegram/html.js';
import { CALLBACK_DATA_LIMIT, fitCallbackData, inlineKeyboard } from '../../src/adapters/telegram/keyboard.js';
import { expectValidTelegramHtml, seen } from './support/html.js';

describe('escapeHtml', () => {
  it('escapes &, < and > (and & first, so nothing is escaped twice)', () => {
    expect(escapeHtml('<b>Tom & "Jerry"</b> &amp;')).toBe('&lt;b&gt;Tom &amp; "Jerry"&lt;/b&gt; &amp;amp;');
  });

  it('leaves MarkdownV2 characters alone: replies are HTML', () => {
    expect(escapeHtml('*_[]()~`#+-=|{}.!')).toBe('*_[]()~`#+-=|{}.!');
  });
});

describe('renderReplyHtml', () => {
  it('escapes the text and puts the citation in italics', () => {
    expect(renderReplyHtml({ text: 'A < B & C', citation: 'Source: “X & Y”' })).toEqual(['A &lt; B &amp; C\n\n<i>Source: “X &amp; Y”</i>']);
  });

  it('sends nothing for an empty reply', () => {
    expect(renderReplyHtml({ text: '  ' })).toEqual([]);
  });

  it('splits on paragraphs, keeps every chunk valid and under the limit, and loses nothing', () => {
    const paragraph = 'The referendum & the <Constitutional Court>. '.repeat(40).trim();
    const text = Array.from({ length: 10 }, () => paragraph).join('\n\n');
    const chunks = renderReplyHtml({ text, citation: 'Source: test' });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(CHUNK_LIMIT);
      expectValidTelegramHtml(c);
    }
    expect(chunks.map(seen).join('\n\n')).toBe(`${text}\n\nSource: test`);
    // Paragraph boundaries: every chunk but the citation's starts and ends a paragraph.
    for (const c of chunks.slice(0, -1)) expect(seen(c).startsWith('The referendum')).toBe(true);
  });

  it('splits a single huge line between words, and a word-less run between characters', () => {
    const words = renderReplyHtml({ text: 'word&'.concat(' word&'.repeat(2000)) });
    expect(words.length).toBeGreaterThan(1);
    for (const c of words) {
      expect(c.length).toBeLessThanOrEqual(CHUNK_LIMIT);
      expect(seen(c)).toMatch(/^word&( word&)*$/);
    }
    const run = renderReplyHtml({ text: '&'.repeat(5000) });
    for (const c of run) expectValidTelegramHtml(c);
    expect(run.map(seen).join('')).toBe('&'.repeat(5000));
  });

  it('never splits a surrogate pair', () => {
    const pieces = splitPlain('😀'.repeat(3000), 100);
    for (const p of pieces) expect(p).toMatch(/^(😀)+$/u);
    expect(pieces.join('')).toBe('😀'.repeat(3000));
  });

  it('gives a citation that does not fit its own chunk, tags balanced', () => {
    const text = 'a'.repeat(CHUNK_LIMIT - 10);
    const chunks = renderReplyHtml({ text, citation: 'Source: long citation' });
    expect(chunks).toEqual([text, '<i>Source: long citation</i>']);
  });
});

describe('inline keyboard', () => {
  it('turns button rows into callback buttons, and no rows into no keyboard', () => {
    expect(inlineKeyboard([[{ label: 'When?', data: 'a:referendum-june-5' }], [{ label: 'A', data: 't:a' }, { label: 'B', data: 't:b' }]])).toEqual({
      inline_keyboard: [[{ text: 'When?', callback_data: 'a:referendum-june-5' }], [{ text: 'A', callback_data: 't:a' }, { text: 'B', callback_data: 't:b' }]],
    });
    expect(inlineKeyboard([])).toBeUndefined();
  });

  it('keeps callback data within 64 bytes without cutting a character', () => {
    expect(fitCallbackData('a:short')).toBe('a:short');
    const cyrillic = fitCallbackData(`a:${'ж'.repeat(40)}`);
    expect(Buffer.byteLength(cyrillic)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    expect(cyrillic).toBe(`a:${'ж'.repeat(31)}`);
    expect(Buffer.byteLength(fitCallbackData('x'.repeat(100)))).toBe(64);
  });
});
