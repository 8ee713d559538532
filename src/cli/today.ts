/**
 * `npm run today -- --date 2022-06-05 --lang ru [--days 30]` prints the daily post a subscriber gets on a date,
 * as the terminal chat shows it, without any platform or database. Without `--date`: today in
 * DEFAULT_TIMEZONE. `--days N` prints N consecutive posts, each planned with the history of the ones before
 * (as one subscriber gets them: nothing two days running, yesterday's question answered).
 */
import { parseArgs } from 'node:util';
import { terminalText } from '../adapters/terminal/terminal-text.js';
import { LANGS, type Lang } from '../core/facts/schema.js';
import { I18n } from '../core/i18n/i18n.js';
import { canonicalTimeZone, isIsoDate, localDateTime } from '../core/subscriptions/local-time.js';
import { defaultQuestionSource } from '../core/subscriptions/daily-posts.js';
import { PostComposer } from '../core/subscriptions/post-composer.js';
import { loadFactBase } from '../infra/data-files.js';

const USAGE = 'usage: npm run today -- [--date YYYY-MM-DD] [--lang en|ru|kk] [--days N] [--zone Asia/Almaty]';
/** The most posts one run prints (a year and a day). */
const MAX_DAYS = 366;

/** Runs the command with its arguments; returns the exit code. */
export function runToday(argv: string[], out: (text: string) => void, err: (text: string) => void, now = Date.now()): number {
  let values: { date?: string; lang?: string; zone?: string; days?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { date: { type: 'string' }, lang: { type: 'string' }, zone: { type: 'string' }, days: { type: 'string' } } }));
  } catch (e) {
    err(`today: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const lang = (values.lang ?? 'en') as Lang;
  if (!LANGS.includes(lang)) {
    err(`today: --lang must be en, ru or kk\n${USAGE}`);
    return 2;
  }
  const zone = canonicalTimeZone(values.zone ?? process.env.DEFAULT_TIMEZONE ?? 'Asia/Almaty');
  if (!zone) {
    err(`today: --zone must be an IANA time zone such as Asia/Almaty\n${USAGE}`);
    return 2;
  }
  const date = values.date ?? localDateTime(now, zone).date;
  if (!isIsoDate(date)) {
    err(`today: --date must be a date written YYYY-MM-DD, such as 2022-06-05\n${USAGE}`);
    return 2;
  }
  const days = values.days === undefined ? 1 : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    err(`today: --days must be a whole number from 1 to ${MAX_DAYS}\n${USAGE}`);
    return 2;
  }
  const base = loadFactBase();
  const i18n = new I18n();
  const composer = new PostComposer(base, i18n, defaultQuestionSource(base, i18n));
  if (days === 1) {
    out(terminalText(composer.preview(date, lang)));
    return 0;
  }
  out(composer.series(date, days, lang).map((day) => `── ${day.date} ──\n${terminalText(day.reply)}`).join('\n\n'));
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '')) {
  process.exitCode = runToday(process.argv.slice(2), (t) => console.log(t), (t) => console.error(t));
}
