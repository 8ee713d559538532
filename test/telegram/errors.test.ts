import { GrammyError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { isChatUnavailable } from '../../src/adapters/telegram/errors.js';

const apiError = (error_code: number, description: string) =>
  new GrammyError('call failed', { ok: false, error_code, description }, 'sendMessage', {});

describe('Telegram errors', () => {
  it('reads 403 and the 400s that mean the chat is gone as an unavailable chat', () => {
    expect(isChatUnavailable(apiError(403, 'Forbidden: bot was blocked by the user'))).toBe(true);
    expect(isChatUnavailable(apiError(400, 'Bad Request: chat not found'))).toBe(true);
    expect(isChatUnavailable(apiError(400, 'Bad Request: group chat was upgraded to a supergroup chat'))).toBe(true);
    expect(isChatUnavailable(apiError(400, 'Bad Request: message is too long'))).toBe(false);
    expect(isChatUnavailable(new Error('network'))).toBe(false);
  });
});
