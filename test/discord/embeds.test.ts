import { describe, expect, it } from 'vitest';
import { replyToMessage, SELECT_MENU_ID } from '../../src/adapters/discord/embeds.js';
import { truncate, toMarkdown } from '../../src/adapters/discord/text-limits.js';
import type { ChatReply } from '../../src/core/chat/chat-service.js';
import { I18n } from '../../src/core/i18n/i18n.js';

const i18n = new I18n();
const reply = (over: Partial<ChatReply>): ChatReply => ({ lang: 'en', text: 'Answer.', buttons: [], ...over });

describe('truncate', () => {
  it('keeps short text and ends cut text with … within the limit, at a word boundary', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('one two three four five six', 15);
    expect(cut.length).toBeLessThanOrEqual(15);
    expect(cut).toBe('one two three…');
  });

  it('never splits a surrogate pair or leaves a dangling escape', () => {
    const cut = truncate(`${'a'.repeat(8)}😀😀😀`, 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).toBe(`${'a'.repeat(8)}…`);
    expect(truncate('abcdefgh\\*more', 10).endsWith('\\…')).toBe(false);
  });
});

describe('replyToMessage', () => {
  it('puts the answer in the description, the date in a field and the citation in the footer', () => {
    const msg = replyToMessage(reply({ text: 'On *5 June*', citation: 'Source: x', date: '2022-06-05' }), i18n);
    expect(msg.embeds[0]?.description).toBe('On \\*5 June\\*');
    expect(msg.embeds[0]?.fields?.[0]?.value).toBe('June 5, 2022');
    expect(msg.embeds[0]?.footer?.text).toBe('Source: x');
    expect(msg.allowedMentions).toEqual({ parse: [] });
  });

  it('keeps every part within Discord’s limits, the embed within 6000 characters in total', () => {
    const msg = replyToMessage(reply({ text: 'word '.repeat(2000), citation: 'c'.repeat(3000), date: '2022-06-05' }), i18n);
    const e = msg.embeds[0];
    expect(e?.description?.length).toBeLessThanOrEqual(4096);
    expect(e?.footer?.text.length).toBeLessThanOrEqual(2048);
    const total = (e?.description?.length ?? 0) + (e?.footer?.text.length ?? 0) + (e?.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(e?.description?.endsWith('…')).toBe(true);
  });

  it('makes buttons with labels of at most 80 characters, at most 5 per row and 5 rows, unique ids', () => {
    const long = 'Q'.repeat(120);
    const rows = Array.from({ length: 8 }, (_, r) => Array.from({ length: 7 }, (_, i) => ({ label: long, data: `a:fact-${r}-${i}` })));
    rows.push([{ label: 'again', data: 'a:fact-0-0' }]);
    const msg = replyToMessage(reply({ buttons: rows }), i18n);
    expect(msg.components.length).toBe(5);
    const ids = msg.components.flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of msg.components) {
      expect(row.components.length).toBeLessThanOrEqual(5);
      for (const c of row.components) expect('label' in c && c.label ? c.label.length : 0).toBeLessThanOrEqual(80);
    }
  });

  it('turns buttons the core calls a menu into one select menu, and leaves other buttons as buttons', () => {
    const buttons = [[{ label: 'Referendum', data: 't:referendum' }, { label: 'People', data: 't:people' }]];
    expect(replyToMessage(reply({ buttons }), i18n).components[0]?.components.map((c) => c.type)).toEqual([2, 2]);
    const msg = replyToMessage(reply({ buttons, buttonsAsMenu: true }), i18n);
    expect(msg.components).toHaveLength(1);
    const menu = msg.components[0]?.components[0];
    expect(menu).toMatchObject({ type: 3, custom_id: SELECT_MENU_ID, options: [{ label: 'Referendum', value: 't:referendum' }, { label: 'People', value: 't:people' }] });
  });

  it("adds the core's words for a private chat as a line: Discord has no link that opens one on a payload", () => {
    const msg = replyToMessage(reply({ text: 'Leaderboard', privateChat: { payload: 'review', label: 'Review my misses', otherwise: 'Review your misses with /review.' } }), i18n);
    expect(msg.embeds[0]?.description).toBe('Leaderboard\n\nReview your misses with /review.');
    expect(JSON.stringify(msg.components)).not.toContain('review');
  });

  it('breaks @everyone and @here in the text', () => {
    expect(toMarkdown('hi @everyone and @here')).not.toMatch(/@everyone|@here/);
  });
});
