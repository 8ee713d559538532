/** The process logger: tokens never reach a line, personal text only at debug level, JSON when not a terminal. */
import { describe, expect, it } from 'vitest';
import { createLogger, usePrettyLogs } from '../../src/infra/logger.js';
import { duplicateKeys } from '../support/json-keys.js';

const TELEGRAM_TOKEN = '123456789:AAH-secretpartofthetoken_0123456789ab';
const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbcDe.abcdefghijklmnopqrstuvwxyz0123';

function captured(level = 'debug', secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger(level, { destination: { write: (s: string) => void lines.push(s) }, secrets });
  return { logger, lines, entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger', () => {
  it('redacts a token in the message, in fields, in child bindings and in error text', () => {
    const { logger, lines, entries } = captured();
    logger.info({}, `calling https://api.telegram.org/bot${TELEGRAM_TOKEN}/getMe`);
    logger.warn({ token: 'anything', config: { TELEGRAM_BOT_TOKEN: 'x', DISCORD_TOKEN: 'y' } }, 'config');
    logger.child({ url: `bot${TELEGRAM_TOKEN}` }).error({ err: { message: `failed with ${DISCORD_TOKEN}` } }, 'send failed');
    logger.info({ headers: { authorization: `Bot ${DISCORD_TOKEN}`, 'x-telegram-bot-api-secret-token': 'hook-secret' } }, 'request');
    const all = lines.join('');
    expect(all).not.toContain('secretpartofthetoken');
    expect(all).not.toContain(DISCORD_TOKEN);
    expect(all).not.toContain('hook-secret');
    expect(all).not.toContain('anything');
    expect(all).toContain('[secret]');
    expect(entries()[1]).toMatchObject({ token: '[secret]', config: { TELEGRAM_BOT_TOKEN: '[secret]', DISCORD_TOKEN: '[secret]' } });
  });

  it('redacts the webhook secret by value, wherever it appears', () => {
    const secret = 'hook-secret_0123456789';
    const { logger, lines } = captured('debug', [secret, '']);
    logger.info({ url: `https://example.org/hook?s=${secret}` }, `setWebhook with ${secret}`);
    logger.child({ note: secret }).warn({ err: { message: `refused ${secret}` } }, 'failed');
    expect(lines.join('')).not.toContain(secret);
    expect(lines.join('')).toContain('[secret]');
  });

  it('writes no key twice in a line, even when a field repeats a child binding', () => {
    const { logger, lines } = captured();
    const child = logger.child({ platform: 'telegram', updateId: 7, chatId: '42' });
    child.error({ updateId: 7, chatId: '42', err: { name: 'Error', message: 'x' } }, 'telegram update failed');
    child.warn({ chatId: '43' }, 'another chat');
    for (const line of lines) expect(duplicateKeys(line)).toEqual([]);
    expect(JSON.parse(lines[0]!)).toMatchObject({ updateId: 7, chatId: '42', err: { message: 'x' } });
    expect(JSON.parse(lines[1]!)).toMatchObject({ chatId: '42', call: { chatId: '43' } });
  });

  it('keeps what people wrote out of entries above debug level', () => {
    const { logger, entries } = captured();
    logger.info({ chatId: '1', text: 'my private question' }, 'question');
    logger.debug({ chatId: '1', text: 'my private question' }, 'question');
    expect(entries()[0]).toMatchObject({ level: 30, chatId: '1', text: '[personal]' });
    expect(entries()[1]).toMatchObject({ level: 20, text: 'my private question' });
  });

  it('writes one JSON object per line with child bindings', () => {
    const { logger, lines } = captured('info');
    logger.child({ platform: 'telegram', updateId: 7, chatId: '42' }).info({ mode: 'webhook' }, 'telegram started');
    logger.debug({}, 'dropped at info level');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ platform: 'telegram', updateId: 7, chatId: '42', mode: 'webhook', msg: 'telegram started' });
  });

  it('is pretty only for a terminal outside production', () => {
    expect(usePrettyLogs('development', true)).toBe(true);
    expect(usePrettyLogs('production', true)).toBe(false);
    expect(usePrettyLogs('development', false)).toBe(false);
    expect(usePrettyLogs(undefined, undefined)).toBe(false);
  });
});
