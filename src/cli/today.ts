/**
 * `npm run today -- --date 2022-06-05 --lang ru` prints the daily "on this day" post for a date, as a chat
 * would receive it, without any platform or database. Without `--date`: today in DEFAULT_TIMEZONE.
 */
import { parseArgs } from 'node:util';
import type { ChatReply } from '../core/chat/chat-service.js';
import { LANGS, type Lang } from '../core/facts/schema.js';
import { I18n } from '../core/i18n/i18n.js';
import { canonicalTimeZone, isIsoDate, localDateTime } from '../core/subscriptions/local-time.js';
import { PostComposer } from '../core/subscriptions/post-composer.js';
import { loadFactBase } from '../infra/data-files.js';

/** The post as plain text: text, citation, then buttons as numbered lines (as the terminal chat shows them). */
export function renderPlain(reply: ChatReply): string {
  const lines = [reply.text];
  if (reply.citation) lines.push('', reply.citation);
  const labels = reply.buttons.flat().map((b, i) => `  [${i + 1}] ${b.label}`);
  if (labels.length) lines.push('', ...labels);
  return lines.join('\n');
}

/** Runs the command with its arguments; returns the exit code. */
export function runToday(argv: string[], out: (text: string) => void, err: (text: string) => void, now = Date.now()): number {
  let values: { date?: string; lang?: string; zone?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { date: { type: 'string' }, lang: { type: 'string' }, zone: { type: 'string' } } }));
  } catch (e) {
    err(`today: ${(e as Error).message}\nusage: npm run today -- [--date YYYY-MM-DD] [--lang en|ru|kk] [--zone Asia/Almaty]`);
    return 2;
  }
  const lang = (values.lang ?? 'en') as Lang;
  if (!LANGS.includes(lang)) {
    err(`today: --lang must be en, ru or kk`);
    return 2;
  }
  const zone = canonicalTimeZone(values.zone ?? process.env.DEFAULT_TIMEZONE ?? 'Asia/Almaty');
  if (!zone) {
    err('today: --zone must be an IANA time zone such as Asia/Almaty');
    return 2;
  }
  const date = values.date ?? localDateTime(now, zone).date;
  if (!isIsoDate(date)) {
    err('today: --date must be a date written YYYY-MM-DD, such as 2022-06-05');
    return 2;
  }
  const base = loadFactBase();
  const i18n = new I18n();
  const composer = new PostComposer(base, i18n);
  out(renderPlain(composer.preview(date, lang)));
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '')) {
  process.exitCode = runToday(process.argv.slice(2), (t) => console.log(t), (t) => console.error(t));
}
