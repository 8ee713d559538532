import { describe, expect, it } from 'vitest';
import { replyLanguage } from '../../src/core/chat/reply-language.js';

describe('the reply language rule', () => {
  it('answers a member in the language they typed, whatever the platform and chat say', () => {
    expect(replyLanguage('member', { typed: 'когда был референдум?', userLang: 'en', chatLang: 'kk' })).toBe('ru');
    expect(replyLanguage('member', { typed: 'референдум қашан болды?', userLang: 'en' })).toBe('kk');
  });

  it("falls back to the member's interface language, then the chat's, then English", () => {
    expect(replyLanguage('member', { typed: '👍', userLang: 'kk', chatLang: 'ru' })).toBe('kk');
    expect(replyLanguage('member', { chatLang: 'ru' })).toBe('ru');
    expect(replyLanguage('member', {})).toBe('en');
  });

  it("writes what the whole chat reads in the chat's chosen language", () => {
    expect(replyLanguage('chat', { typed: 'Референдум 2022 года', userLang: 'en', chatLang: 'kk' })).toBe('kk');
  });

  it('writes it as for the member who caused it while the chat has chosen no language', () => {
    expect(replyLanguage('chat', { typed: 'Референдум 2022 года', userLang: 'en' })).toBe('ru');
    expect(replyLanguage('chat', { userLang: 'kk' })).toBe('kk');
  });
});
