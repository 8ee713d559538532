/** The ports through which the core receives what it must not reach for itself. */

/** The time, injected so that tests move it instead of waiting. */
export interface Clock {
  now(): Date;
}

/** Structured logging, in pino's calling convention; the core never imports a logger implementation. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** A logger that drops everything (for tests and tools that print their own output). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
