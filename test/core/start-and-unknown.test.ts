/**
 * The first screen and the first mistake: /start greets, offers the questions of data/welcome.json as buttons
 * in the user's language (each one answered, with the fact it stands for) and points to /help; an unknown
 * command is named as unknown, with /help pointed to, in every language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCoreServices } from '../../src/app/core-services.js';
import type { ChatRequest } from '../../src/core/chat/chat-service.js';
import { LANGS, welcomeFileSchema } from '../../src/core/facts/schema.js';
import { silentLogger } from '../../src/core/ports.js';
import { DATA_DIR } from '../../src/infra/data-files.js';
import { sharedFacts } from '../support/shared-facts.js';

const clock = { now: () => new Date('2026-06-05T04:00:00Z') };
const member: ChatRequest = { platform: 'telegram', chatId: '5', userId: '5', chatKind: 'private' };
const intended = welcomeFileSchema.parse(JSON.parse(readFileSync(join(DATA_DIR, 'welcome.json'), 'utf8'))).examples;

describe('/start', () => {
  it.each(LANGS)('offers the welcome questions in %s as buttons, each answered with its fact, and points to /help', async (lang) => {
    // A generous limit: this test asks every example in turn.
    const { chat, base } = createCoreServices({ ...sharedFacts(), clock, logger: silentLogger, rateLimit: { limit: 100, windowMs: 60_000 } });
    const req = { ...member, userLang: lang };
    const start = (await chat.command(req, 'start', ''))!;
    expect(start.lang).toBe(lang);
    expect(start.text).toContain('/help');
    const buttons = start.buttons.flat();
    expect(buttons.map((b) => b.data)).toEqual(intended.map((id) => `a:${lang}:${id}`));
    expect(buttons.length).toBeGreaterThanOrEqual(3);
    for (const [i, button] of buttons.entries()) {
      const fact = base.fact(intended[i] ?? '');
      expect(fact?.topics).not.toContain('article');
      expect(fact?.questions[lang]).toContain(button.label);
      const answer = (await chat.question(req, button.label)).answer;
      expect({ question: button.label, status: answer?.status, lang: answer?.lang, fact: answer?.factIds[0] }).toEqual({
        question: button.label,
        status: 'answered',
        lang,
        fact: intended[i],
      });
    }
  });

  it('shows what the bot is good at: the referendum, the January events, the presidential term, relations with Russia', () => {
    const { base } = sharedFacts();
    const topics = intended.flatMap((id) => base.fact(id)?.topics ?? []);
    for (const topic of ['referendum', 'january-events', 'political-reform', 'russia-relations']) expect(topics).toContain(topic);
  });
});

describe('an unknown command', () => {
  const expected = {
    en: /^I don't know the command \/foo\. .*\/help/,
    ru: /^Я не знаю команды \/foo\. .*\/help/,
    kk: /^\/foo командасын білмеймін\. .*\/help/,
  };
  it.each(LANGS)('is named as unknown, with /help pointed to (%s)', async (lang) => {
    const { chat } = createCoreServices({ ...sharedFacts(), clock, logger: silentLogger });
    expect(await chat.command({ ...member, userLang: lang }, 'foo', '')).toBeUndefined();
    const reply = await chat.unknownCommand({ ...member, userLang: lang }, 'foo');
    expect(reply.lang).toBe(lang);
    expect(reply.text).toMatch(expected[lang]);
  });
});
