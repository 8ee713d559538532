/**
 * Local dates and times in IANA time zones, through Intl only. Instants are epoch milliseconds: the core
 * never reads the system clock (it receives `now` from the injected Clock).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The canonical spelling of an IANA time zone (`asia/almaty` → `Asia/Almaty`), or undefined when unknown. */
export function canonicalTimeZone(name: string): string | undefined {
  const tz = name.trim();
  // IANA names only (Area/Location, UTC, Etc/…), in any case as Intl accepts them (`utc`, `europe/moscow`):
  // no offsets like +05:00, which do not follow summer time.
  if (!/^(?:[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){1,2}|UTC|GMT)$/i.test(tz)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** A local calendar date and time of day. */
export interface LocalDateTime {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
}

function fields(ms: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { y: parts.year ?? 0, m: parts.month ?? 1, d: parts.day ?? 1, h: parts.hour ?? 0, min: parts.minute ?? 0, s: parts.second ?? 0 };
}

/** The local date and time of an instant in a zone. */
export function localDateTime(ms: number, timeZone: string): LocalDateTime {
  const f = fields(ms, timeZone);
  return { date: isoDate(f.y, f.m, f.d), minutes: f.h * 60 + f.min };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const f = fields(ms, timeZone);
  return Date.UTC(f.y, f.m - 1, f.d, f.h, f.min, f.s) - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant at which the local clock in `timeZone` shows `minutes` after midnight on `date`. In a summer-time
 * gap (a time that does not exist that day) it is the instant just after the gap.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  let t = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(t, timeZone);
  if (second !== t) t = Math.max(t, second);
  return t;
}

/** `YYYY-MM-DD` from numbers. */
export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A calendar date `days` later (or earlier, when negative). Pure arithmetic: called for every chat on every tick. */
export function addDays(date: string, days: number): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return civilFromDays(Date.UTC(y, m - 1, d) / 86_400_000 + days);
}

/** The date of a day number (days since 1970-01-01), after Howard Hinnant's `civil_from_days`. */
function civilFromDays(dayNumber: number): string {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return isoDate(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** Whether a string is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && addDays(isoDate(y, mo, d), 0) === text;
}

/** Minutes after midnight for `HH:MM` (also `H:MM`), or undefined when it is not a time of day. */
export function parsePostTime(text: string): number | undefined {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return h * 60 + min;
}

/** `HH:MM` for minutes after midnight. */
export function formatPostTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
