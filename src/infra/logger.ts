import pino from 'pino';
import type { Logger } from '../core/ports.js';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** Readable colour lines instead of JSON; by default when {@link usePrettyLogs} says so. */
  pretty?: boolean;
  /** Where JSON lines go; standard error by default (tests capture them here). */
  destination?: pino.DestinationStream;
}

/** Readable logs only for a person at a terminal: never in production, never when standard error is not a TTY. */
export function usePrettyLogs(nodeEnv = process.env.NODE_ENV, isTTY = process.stderr.isTTY): boolean {
  return nodeEnv !== 'production' && isTTY === true;
}

/** Fields that hold what people wrote: dropped from log entries above debug level. */
const PERSONAL_FIELDS = ['text', 'question', 'query'] as const;

/**
 * The process logger: JSON lines in production (and whenever standard error is not a terminal), readable
 * colour lines in a terminal, always on standard error (standard output belongs to the terminal chat and
 * the JSON protocol of `npm run ask`).
 *
 * Secrets: token-bearing fields are redacted, and anything shaped like a bot token is replaced in the whole
 * line (message, fields, child bindings, error text). Personal text: the fields `text`, `question` and
 * `query` are kept only at debug level and below.
 */
export function createLogger(level: string, options: CreateLoggerOptions = {}): Logger & pino.Logger {
  const pinoOptions: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'token',
        '*.token',
        'secretToken',
        '*.secretToken',
        'config.TELEGRAM_BOT_TOKEN',
        'config.TELEGRAM_WEBHOOK_SECRET',
        'config.DISCORD_TOKEN',
        'headers.authorization',
        'headers["x-telegram-bot-api-secret-token"]',
        '*.headers.authorization',
        '*.headers["x-telegram-bot-api-secret-token"]',
      ],
      censor: '[secret]',
    },
    hooks: {
      logMethod(args, method, methodLevel) {
        const [first] = args;
        if (methodLevel > pino.levels.values.debug! && first !== null && typeof first === 'object' && PERSONAL_FIELDS.some((f) => f in first)) {
          const copy: Record<string, unknown> = { ...(first as Record<string, unknown>) };
          for (const f of PERSONAL_FIELDS) if (f in copy) copy[f] = '[personal]';
          args = [copy, ...args.slice(1)] as unknown as typeof args;
        }
        method.apply(this, args);
      },
      // The last word on tokens: applied to every finished line, whatever produced it.
      streamWrite: (line) => redactTokens(line),
    },
  };
  if (options.destination) return pino(pinoOptions, options.destination);
  if (options.pretty ?? usePrettyLogs()) return pino({ ...pinoOptions, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
  return pino(pinoOptions, pino.destination(2));
}

/** Removes anything shaped like a Telegram bot token (also inside API URLs) or a Discord bot token. */
export function redactTokens(text: string): string {
  return text
    // Preceded by a word boundary, or by "bot" as in Bot API URLs (…/bot123456:AA…/getMe).
    .replace(/(?:\b|(?<=bot))\d{6,12}:[A-Za-z0-9_-]{30,}\b/g, '[secret]')
    .replace(/\b[A-Za-z0-9_-]{24,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}\b/g, '[secret]');
}
