import { DiscordAPIError, HTTPError } from 'discord.js';
import { redactTokens } from '../../infra/logger.js';

/**
 * Discord error codes that mean "nothing left to do", not "something is broken":
 * 10062 Unknown interaction (the 3-second window passed, or another instance answered) and
 * 40060 Interaction has already been acknowledged.
 */
export const HARMLESS_ERROR_CODES: ReadonlySet<number | string> = new Set([10062, 40060]);

/** Whether `error` is one of Discord's known harmless answers ({@link HARMLESS_ERROR_CODES}). */
export function isHarmlessDiscordError(error: unknown): boolean {
  return error instanceof DiscordAPIError && HARMLESS_ERROR_CODES.has(error.code);
}

/**
 * An error reduced to what is safe in a log. Discord errors carry the request URL, whose interaction and
 * webhook paths hold a token that can post as the bot for 15 minutes, and the request body, which holds
 * user text; both are left out, and any bot token in a message or stack is redacted.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    return {
      name: error.name,
      message: redactSecrets(error.message),
      status: error.status,
      method: error.method,
      ...(error instanceof DiscordAPIError ? { code: error.code } : {}),
    };
  }
  if (error instanceof Error) {
    return { name: error.name, message: redactSecrets(error.message), stack: error.stack ? redactSecrets(error.stack) : undefined };
  }
  return { message: redactSecrets(String(error)) };
}

/** Redacts bot tokens and the token segment of interaction and webhook URLs. */
export function redactSecrets(text: string): string {
  return redactTokens(text).replace(/\/(interactions|webhooks)\/(\d+)\/[^/\s?]+/g, '/$1/$2/[secret]');
}
