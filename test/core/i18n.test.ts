import { describe, expect, it } from 'vitest';
import { I18n } from '../../src/core/i18n/i18n.js';

describe('interface strings', () => {
  it('has every message in every language', () => {
    const i18n = new I18n();
    const en = i18n.ids('en').sort();
    expect(en.length).toBeGreaterThan(10);
    expect(i18n.ids('ru').sort()).toEqual(en);
    expect(i18n.ids('kk').sort()).toEqual(en);
  });
});
