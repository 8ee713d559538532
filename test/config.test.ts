import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, loadConfig } from '../src/config/config.js';

const variables = Object.keys(configSchema.shape).sort();

describe('configuration', () => {
  it('lists the same variables in the schema, .env.example and the README table', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const fromExample = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]).sort();
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const fromReadme = [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]).sort();
    expect(fromExample).toEqual(variables);
    expect(fromReadme).toEqual(variables);
  });

  it('holds no real value in .env.example for secrets', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    expect(example).toMatch(/^TELEGRAM_BOT_TOKEN=$/m);
    expect(example).toMatch(/^DISCORD_TOKEN=$/m);
  });

  it('applies defaults to an empty environment', () => {
    const c = loadConfig({});
    expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(c.PORT).toBe(8080);
    expect(c.DISCORD_REGISTER_COMMANDS).toBe(true);
  });

  it('names the bad variable and never echoes a secret value', () => {
    const secret = 'not-a-token-but-secret-value';
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: secret, PORT: 'abc' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain('TELEGRAM_BOT_TOKEN');
      expect(msg).toContain('PORT');
      expect(msg).not.toContain(secret);
    }
  });

  it('turns the question log on by default, off with QUESTION_LOG=off, and checks QUESTION_LOG_DAYS', () => {
    expect(loadConfig({})).toMatchObject({ QUESTION_LOG: true, QUESTION_LOG_DAYS: 90 });
    expect(loadConfig({ QUESTION_LOG: 'off', QUESTION_LOG_DAYS: '30' })).toMatchObject({ QUESTION_LOG: false, QUESTION_LOG_DAYS: 30 });
    for (const bad of [{ QUESTION_LOG: 'maybe' }, { QUESTION_LOG_DAYS: '0' }, { QUESTION_LOG_DAYS: '1.5' }, { QUESTION_LOG_DAYS: 'ninety' }])
      expect(() => loadConfig(bad)).toThrow(new RegExp(Object.keys(bad)[0]!));
  });

  it('requires a secret with a webhook URL', () => {
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: 'https://example.org/hook' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });
});
