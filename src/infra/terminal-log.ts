import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';
import pretty from 'pino-pretty';

/** Options of {@link terminalLogDestination}. */
export interface TerminalLogOptions {
  /** Where the warnings and errors also go (standard error by default; tests capture them). */
  terminal?: pino.DestinationStream;
  /** Readable colour lines on the terminal instead of JSON. */
  pretty?: boolean;
}

/**
 * Where logs go while the bot chats in the terminal: every line to `file` (created with its folder), and
 * only warnings and errors to the terminal as well, so that routine lines (`daily posts: tick claimed`) never
 * land in the middle of the conversation. Writes are synchronous: a line is in the file once it is logged,
 * and nothing is lost when the chat ends.
 */
export function terminalLogDestination(file: string, options: TerminalLogOptions = {}): pino.MultiStreamRes {
  mkdirSync(dirname(file), { recursive: true });
  const terminal = options.terminal ?? (options.pretty ? pretty({ destination: 2, colorize: true, sync: true }) : pino.destination({ dest: 2, sync: true }));
  return pino.multistream([
    { level: 'trace', stream: pino.destination({ dest: file, sync: true }) },
    { level: 'warn', stream: terminal },
  ]);
}
