import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/core/questions/mask.js';

describe('masking a logged question', () => {
  it.each([
    ['write to me at aigerim.n+bot@mail.kz please', 'write to me at [email] please'],
    ['мой адрес Айгерим_1990@почта.рф', 'мой адрес [email]'],
    ['call +7 701 123 45 67 about the referendum', 'call [phone] about the referendum'],
    ['тел. 8 (701) 123-45-67, когда референдум?', 'тел. [phone], когда референдум?'],
    ['my IIN is 900101300123, when was the referendum?', 'my IIN is [number], when was the referendum?'],
    ['card 4400 4301 2345 6789', 'card [phone]'],
    ['87011234567', '[number]'],
    ['see https://example.org/u/aigerim?id=5 and t.me/aigerim_n', 'see [link] and [link]'],
    ['@aigerim_n what did the referendum change?', '@[user] what did the referendum change?'],
  ])('masks %j', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    'When was the referendum of 5 June 2022?',
    'what happened on 05.06.2022',
    'what happened on 2022-06-05?',
    'more than 70% voted in 2022-2023',
    'is the minimum wage 85000 tenge?',
    'were 1 000 000 people there?',
    '2022 жылы не болды?',
  ])('keeps dates, years and ordinary numbers: %j', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = maskPersonalData('mail a@b.kz, call +7 701 123 45 67, id 123456789012');
    expect(maskPersonalData(once)).toBe(once);
  });
});
