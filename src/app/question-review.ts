/**
 * `npm run questions:review`: reads the question log, groups and judges it (src/core/questions/review.ts), and
 * writes the Markdown report and, with `suggest`, the patch of proposed additions. Nothing goes to data/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LANGS, type Lang } from '../core/facts/schema.js';
import { proposePatch } from '../core/questions/data-patch.js';
import type { QuestionLogRepository } from '../core/questions/question-log.js';
import { renderReport } from '../core/questions/review-report.js';
import { reviewQuestions, type QuestionGroup } from '../core/questions/review.js';
import type { Resolver } from '../core/resolver/resolver.js';

const DAY_MS = 86_400_000;

/** What to review and where to write. */
export interface ReviewOptions {
  log: QuestionLogRepository;
  resolver: Resolver;
  now: number;
  /** Entries older than this many days are deleted first (QUESTION_LOG_DAYS). */
  retentionDays: number;
  /** From when (ms); all the log keeps when absent. */
  since?: number;
  lang?: Lang;
  suggest: boolean;
  /** Folder of the report (and patch). */
  outDir: string;
}

/** What a review wrote. */
export interface ReviewResult {
  groups: QuestionGroup[];
  entries: number;
  reportFile: string;
  patchFile?: string;
}

/** Runs the review and writes its files. */
export async function runReview(o: ReviewOptions): Promise<ReviewResult> {
  await o.log.purge(o.now - o.retentionDays * DAY_MS, o.now);
  const since = o.since ?? o.now - o.retentionDays * DAY_MS;
  const entries = await o.log.list({ since, ...(o.lang ? { lang: o.lang } : {}) });
  const groups = reviewQuestions(entries, o.resolver);
  const created = new Date(o.now).toISOString();
  const stem = `questions-${created.slice(0, 10)}${o.lang ? `-${o.lang}` : ''}`;
  mkdirSync(o.outDir, { recursive: true });
  const reportFile = join(o.outDir, `${stem}.md`);
  const patchFile = o.suggest ? join(o.outDir, `${stem}.patch.json`) : undefined;
  if (patchFile) writeFileSync(patchFile, `${JSON.stringify(proposePatch(groups, created), null, 2)}\n`);
  const shownPatch = patchFile && !relative(process.cwd(), patchFile).startsWith('..') ? relative(process.cwd(), patchFile) : patchFile;
  writeFileSync(
    reportFile,
    renderReport(groups, { created, since: new Date(since).toISOString(), entries: entries.length, ...(o.lang ? { lang: o.lang } : {}), ...(shownPatch ? { patchFile: shownPatch } : {}) }, o.resolver.base),
  );
  return { groups, entries: entries.length, reportFile, ...(patchFile ? { patchFile } : {}) };
}

/** The command line of `questions:review`, parsed; an error message for anything else. */
export function parseReviewArgs(args: readonly string[], now: number): { since?: number; lang?: Lang; suggest: boolean; outDir?: string } | { error: string } {
  const out: { since?: number; lang?: Lang; suggest: boolean; outDir?: string } = { suggest: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--suggest') out.suggest = true;
    else if (arg === '--since' && value !== undefined) {
      const since = parseSince(value, now);
      if (since === undefined) return { error: `--since ${value}: give a duration such as 30d, 12h or 2w, or a date such as 2024-05-01` };
      out.since = since;
      i++;
    } else if (arg === '--lang' && value !== undefined) {
      const lang = LANGS.find((l) => l === value);
      if (!lang) return { error: `--lang ${value}: one of ${LANGS.join(', ')}` };
      out.lang = lang;
      i++;
    } else if (arg === '--out' && value !== undefined) {
      out.outDir = value;
      i++;
    } else return { error: `unknown argument ${arg ?? ''}` };
  }
  return out;
}

/** `30d`, `12h`, `2w` before `now`, or a date (`2024-05-01`, UTC midnight). */
export function parseSince(value: string, now: number): number | undefined {
  const span = /^(\d{1,5})([hdw])$/.exec(value);
  if (span) return now - Number(span[1]) * { h: 3600_000, d: DAY_MS, w: 7 * DAY_MS }[span[2] as 'h' | 'd' | 'w'];
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const at = Date.parse(`${value}T00:00:00Z`);
    return Number.isNaN(at) ? undefined : at;
  }
  return undefined;
}
