import pino from 'pino';
import type { Logger } from '../core/ports.js';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** Readable colour lines instead of JSON; by default when {@link usePrettyLogs} says so. */
  pretty?: boolean;
  /** Where JSON lines go; standard error by default (tests capture them here). */
  destination?: pino.DestinationStream;
  /**
   * Secrets redacted by value wherever they appear in a line (the webhook secret, the tokens), besides the
   * fields redacted by name. Empty and short values (under 8 characters) are ignored: redacting them would
   * blank ordinary words.
   */
  secrets?: readonly (string | undefined)[];
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
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
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
        if (first !== null && typeof first === 'object' && !(first instanceof Error)) {
          let copy = withoutBoundKeys(first as Record<string, unknown>, this.bindings());
          if (methodLevel > pino.levels.values.debug! && PERSONAL_FIELDS.some((f) => f in copy)) {
            copy = { ...copy };
            for (const f of PERSONAL_FIELDS) if (f in copy) copy[f] = '[personal]';
          }
          if (copy !== first) args = [copy, ...args.slice(1)] as unknown as typeof args;
        }
        method.apply(this, args);
      },
      // The last word on secrets: applied to every finished line, whatever produced it.
      streamWrite: (line) => redactValues(redactTokens(line), secrets),
    },
  };
  if (options.destination) return pino(pinoOptions, options.destination);
  if (options.pretty ?? usePrettyLogs()) return pino({ ...pinoOptions, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
  return pino(pinoOptions, pino.destination(2));
}

/**
 * The entry without the keys a child logger already binds, so that no line carries a key twice (JSON with
 * duplicate keys is refused by some log stores). An equal value is dropped; a different one moves under `call`.
 */
function withoutBoundKeys(entry: Record<string, unknown>, bindings: Record<string, unknown>): Record<string, unknown> {
  const repeated = Object.keys(entry).filter((k) => k in bindings);
  if (repeated.length === 0) return entry;
  const out: Record<string, unknown> = { ...entry };
  const call: Record<string, unknown> = {};
  for (const k of repeated) {
    if (JSON.stringify(out[k]) !== JSON.stringify(bindings[k])) call[k] = out[k];
    delete out[k];
  }
  return Object.keys(call).length > 0 ? { ...out, call } : out;
}

/** Replaces each secret by `[secret]`. */
function redactValues(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[secret]');
  return out;
}

/** Removes anything shaped like a Telegram bot token (also inside API URLs) or a Discord bot token. */
export function redactTokens(text: string): string {
  return text
    // Preceded by a word boundary, or by "bot" as in Bot API URLs (…/bot123456:AA…/getMe).
    .replace(/(?:\b|(?<=bot))\d{6,12}:[A-Za-z0-9_-]{30,}\b/g, '[secret]')
    .replace(/\b[A-Za-z0-9_-]{24,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}\b/g, '[secret]');
}
