/**
 * Errors from grammY, made safe to log. grammY's `HttpError` wraps the network error, whose message can
 * hold the request URL, and the URL holds the bot token; a `GrammyError` carries the request payload, which
 * holds the user's text. So errors are never logged as they are: only the fields below, with tokens removed.
 */
import { GrammyError, HttpError } from 'grammy';
import { redactTokens } from '../../infra/logger.js';

/** What the logs may say about an error. */
export interface SafeError {
  name: string;
  message: string;
  /** The Bot API method that failed. */
  method?: string;
  /** Telegram's error code (403, 429…). */
  code?: number;
  /** The underlying network error's message (HttpError). */
  cause?: string;
}

/** Removes the bot token from a text: anything shaped like a token, and this token whatever its shape. */
export function sanitize(text: string, token?: string): string {
  let out = redactTokens(text);
  if (token) {
    out = out.split(token).join('[secret]');
    // The part after the colon is the secret; the bot id before it is public.
    const secret = token.slice(token.indexOf(':') + 1);
    if (secret.length >= 8) out = out.split(secret).join('[secret]');
  }
  return out;
}

/** An error reduced to loggable fields, with every string sanitized. */
export function describeError(error: unknown, token?: string): SafeError {
  if (error instanceof GrammyError)
    return { name: error.name, message: sanitize(error.message, token), method: error.method, code: error.error_code };
  if (error instanceof HttpError) {
    const inner = error.error;
    const cause = inner instanceof Error ? `${inner.name}: ${inner.message}` : String(inner);
    return { name: error.name, message: sanitize(error.message, token), cause: sanitize(cause, token) };
  }
  if (error instanceof Error) return { name: error.name, message: sanitize(error.message, token) };
  return { name: 'unknown', message: sanitize(String(error), token) };
}

/**
 * Whether Telegram refused because the bot can no longer write to the chat: blocked by the user, removed
 * from the group, or the chat is gone. Such chats should be dropped from any subscription list.
 */
export function isChatUnavailable(error: unknown): boolean {
  return error instanceof GrammyError && isChatGone(error.error_code, error.description);
}

/** Whether a Bot API error code and description mean the chat is gone for the bot (see {@link isChatUnavailable}). */
export function isChatGone(code: number, description: string): boolean {
  return code === 403 || (code === 400 && CHAT_GONE.test(description));
}

/** Telegram's 400 descriptions that mean the chat is gone for the bot, like a 403. */
const CHAT_GONE = /chat not found|group chat was (?:upgraded|deactivated)|bot was kicked|user is deactivated|have no rights to send/i;
