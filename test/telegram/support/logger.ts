import type { Logger } from '../../../src/core/ports.js';

/** One captured log call. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg?: string;
}

/** A Logger that keeps every call (children included) so tests can read what would have been logged. */
export function capturingLogger(): Logger & { entries: LogEntry[]; text(): string } {
  const entries: LogEntry[] = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const log = (level: LogEntry['level']) => (obj: object, msg?: string) => {
      entries.push({ level, obj: { ...bindings, ...obj }, msg });
    };
    return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), child: (b) => make({ ...bindings, ...b }) };
  };
  return Object.assign(make({}), { entries, text: () => JSON.stringify(entries) });
}
