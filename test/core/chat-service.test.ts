import { describe, expect, it } from 'vitest';
import { createCoreServices } from '../../src/app/core-services.js';
import type { ChatRequest } from '../../src/core/chat/chat-service.js';
import { silentLogger } from '../../src/core/ports.js';
import { langOfLocale } from '../../src/adapters/discord/request.js';
import { sharedFacts } from '../support/shared-facts.js';

/** A clock the test moves by hand. */
function fakeClock(start = Date.parse('2026-06-05T04:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

const member: ChatRequest = { platform: 'telegram', chatId: '-1', userId: '7', chatKind: 'group', userLang: 'en' };

describe('the chat service', () => {
  it('limits questions and answer buttons per user alike, and lets them through again after the window', () => {
    const clock = fakeClock();
    const { chat, resolver } = createCoreServices({ ...sharedFacts(), clock, logger: silentLogger, rateLimit: { limit: 2, windowMs: 60_000 } });
    const factId = resolver.examples('en', 1)[0]?.factId ?? '';
    expect(chat.question(member, 'When was the constitutional referendum held?').personal).toBeFalsy();
    expect(chat.action(member, `a:${factId}`)?.personal).toBeFalsy();
    const limited = chat.action(member, `a:${factId}`);
    expect(limited?.toast).toBe(true);
    expect(limited?.text).toMatch(/wait \d+ s/);
    expect(chat.question(member, 'When was the constitutional referendum held?').text).toMatch(/wait/);
    // Another member is not affected.
    expect(chat.question({ ...member, userId: '8' }, 'When was the constitutional referendum held?').text).toMatch(/June 5, 2022/);
    clock.advance(61_000);
    expect(chat.question(member, 'When was the constitutional referendum held?').text).toMatch(/June 5, 2022/);
  });

  it('answers in the user\'s language when the question does not tell, else the chat\'s', () => {
    const { chat } = createCoreServices({ ...sharedFacts(), clock: fakeClock(), logger: silentLogger });
    expect(chat.command({ ...member, userLang: 'kk' }, 'help', '')?.lang).toBe('kk');
    expect(chat.command({ ...member, userLang: undefined, chatLang: 'ru' }, 'help', '')?.lang).toBe('ru');
    expect(chat.question({ ...member, userLang: 'kk' }, 'Когда прошёл референдум?').lang).toBe('ru');
  });
});

describe('Discord locales', () => {
  it('maps Russian and English, and leaves other locales to the chat setting', () => {
    expect(langOfLocale('ru')).toBe('ru');
    expect(langOfLocale('en-GB')).toBe('en');
    expect(langOfLocale('tr')).toBeUndefined();
  });
});
