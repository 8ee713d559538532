import pino from 'pino';
import type { Logger } from '../core/ports.js';

/**
 * The process logger: JSON lines in production, readable colour lines in a terminal, always on standard
 * error (standard output belongs to the terminal chat and the JSON protocol of `npm run ask`).
 * Token-bearing fields are redacted, and so is any bot token that slips into a message.
 */
export function createLogger(level: string, pretty = process.stderr.isTTY): Logger & pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: ['token', '*.token', 'config.TELEGRAM_BOT_TOKEN', 'config.DISCORD_TOKEN', 'headers.authorization'], censor: '[secret]' },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? redactTokens(a) : a)) as Parameters<typeof method>);
      },
    },
    formatters: { log: (obj) => JSON.parse(redactTokens(JSON.stringify(obj))) as Record<string, unknown> },
  };
  if (pretty) return pino({ ...options, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
  return pino(options, pino.destination(2));
}

/** Removes anything shaped like a Telegram bot token (also inside API URLs) or a Discord bot token. */
export function redactTokens(text: string): string {
  return text
    .replace(/\b\d{6,12}:[A-Za-z0-9_-]{30,}\b/g, '[secret]')
    .replace(/\b[A-Za-z0-9_-]{24,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}\b/g, '[secret]');
}
