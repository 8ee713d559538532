/** Regressions found in review: time-zone spelling, the chat's language, and a one-player session's reveal. */
import { describe, expect, it } from 'vitest';
import { canonicalTimeZone } from '../../src/core/subscriptions/local-time.js';
import { FakeClock, postingCore, request } from '../subscriptions/support.js';
import { member, studyCore } from '../study/support.js';

describe('review fixes', () => {
  it('accepts UTC and GMT in any case, as it accepts europe/moscow', async () => {
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('Utc')).toBe('UTC');
    expect(canonicalTimeZone('gmt')).toBe('UTC');
    const { core, store } = postingCore(FakeClock.at('2024-06-10T02:00:00Z'));
    await core.chat.command(request('z'), 'subscribe', '08:00 utc');
    expect(await store.subscriptions.get({ platform: 'telegram', chatId: 'z' })).toMatchObject({ postMinutes: 480, timeZone: 'UTC' });
  });

  it("answers in the chat's chosen language when the platform reports none for the user", async () => {
    const { core } = postingCore(FakeClock.at('2024-06-10T02:00:00Z'));
    const req = { ...request('p', { kind: 'private' }), userLang: undefined };
    await core.chat.command(req, 'settings', 'lang ru');
    expect((await core.chat.command(req, 'help', ''))!.lang).toBe('ru');
    expect((await core.chat.command(req, 'topics', ''))!.lang).toBe('ru');
    const study = await core.chat.command(req, 'study', '2');
    expect(study?.lang).toBe('ru');
  });

  it('does not show "right: 0 of 0" when a one-player session is moved on with /next or /stop', async () => {
    const { core } = studyCore();
    const me = member('u1', 'Me', { chatKind: 'private', chatId: 'dm' });
    await core.chat.command(me, 'study', '3');
    const next = (await core.chat.command(me, 'next', ''))!;
    expect(next.text).not.toMatch(/Right: 0 of 0/);
    const stop = (await core.chat.command(me, 'stop', ''))!;
    expect(stop.text).not.toMatch(/Right: 0 of 0/);
  });
});

describe('review fixes: plural forms', () => {
  it('says "1 question" and uses Russian plural forms in the study intro', async () => {
    const { I18n } = await import('../../src/core/i18n/i18n.js');
    const i18n = new I18n();
    expect(i18n.t('en', 'study-intro', { count: 1, seconds: 30 })).toContain('1 question,');
    expect(i18n.t('en', 'study-intro-topic', { count: 10, seconds: 30, topic: 'x' })).toContain('10 questions,');
    expect(i18n.t('ru', 'study-intro', { count: 2, seconds: 30 })).toContain('2 вопроса,');
    expect(i18n.t('ru', 'study-intro', { count: 21, seconds: 30 })).toContain('21 вопрос,');
    expect(i18n.t('ru', 'study-intro-topic', { count: 5, seconds: 30, topic: 'x' })).toContain('5 вопросов,');
  });
});
