/** Echoed user text is shortened between characters, never inside an emoji (a lone surrogate makes Telegram refuse the message). */
import { describe, expect, it } from 'vitest';
import { createCoreServices } from '../../src/app/core-services.js';
import { clip } from '../../src/core/chat/clip.js';
import { silentLogger } from '../../src/core/ports.js';
import { systemClock } from '../../src/infra/system-clock.js';
import { sharedFacts } from '../support/shared-facts.js';

/** Whether a string holds a surrogate half without its pair. */
function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe('clip', () => {
  it('never cuts an emoji, a flag or a family in half', () => {
    for (const filler of ['', 'a', 'ab', 'abc']) {
      for (const emoji of ['😀', '🇰🇿', '👨‍👩‍👧', 'é']) {
        const text = `${'x'.repeat(36)}${filler}${emoji.repeat(5)}`;
        const out = clip(text, 40);
        expect(out.length).toBeLessThanOrEqual(40);
        expect(out.endsWith('…')).toBe(true);
        expect(hasLoneSurrogate(out)).toBe(false);
        expect(text.startsWith(out.slice(0, -1))).toBe(true);
      }
    }
    expect(clip('short', 40)).toBe('short');
  });

  it('keeps the echo of a bad /preview date whole', async () => {
    const { chat } = createCoreServices({ ...sharedFacts(), clock: systemClock, logger: silentLogger });
    const reply = await chat.command({ platform: 'telegram', chatId: '1', userId: '1', chatKind: 'private', userLang: 'en' }, 'preview', `${'2'.repeat(38)}😀😀😀`);
    expect(hasLoneSurrogate(reply!.text)).toBe(false);
    expect(reply!.text).toContain('…');
  });
});
