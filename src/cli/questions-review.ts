/**
 * `npm run questions:review [-- --since 30d] [--lang kk] [--suggest] [--out dir]`: groups the questions the bot
 * could not answer (the question log in DATABASE_URL), the most asked first, with a verdict to check for each,
 * into a Markdown report (var/review/ by default); with --suggest also a patch of proposed additions to data/
 * for `npm run questions:apply`. Nothing is added to data/ here.
 */
import { runReview, parseReviewArgs } from '../app/question-review.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { Resolver } from '../core/resolver/resolver.js';
import { loadFactBase } from '../infra/data-files.js';
import { openStore, StoreStartError } from '../infra/open-store.js';

const now = Date.now();
const args = parseReviewArgs(process.argv.slice(2), now);
if ('error' in args) {
  console.error(`questions:review: ${args.error}`);
  console.error('usage: npm run questions:review -- [--since 30d|2024-05-01] [--lang en|ru|kk] [--suggest] [--out dir]');
  process.exit(2);
}

try {
  const config = loadConfig();
  const store = await openStore(config.DATABASE_URL);
  try {
    const result = await runReview({
      log: store.questionLog,
      resolver: new Resolver(loadFactBase()),
      now,
      retentionDays: config.QUESTION_LOG_DAYS,
      suggest: args.suggest,
      outDir: args.outDir ?? 'var/review',
      ...(args.since !== undefined ? { since: args.since } : {}),
      ...(args.lang ? { lang: args.lang } : {}),
    });
    const verdicts = new Map<string, number>();
    for (const g of result.groups) {
      const v = g.verdict;
      const name = v.kind === 'silent' ? (v.gap ? 'silent (gap proposed)' : v.existing ? 'silent (already said)' : 'silent (off topic)') : v.kind;
      verdicts.set(name, (verdicts.get(name) ?? 0) + 1);
    }
    console.log(`${result.entries} logged questions in ${result.groups.length} groups: ${[...verdicts].map(([k, n]) => `${k} ${n}`).join(', ') || 'nothing to review'}`);
    console.log(`report: ${result.reportFile}`);
    if (result.patchFile) console.log(`patch:  ${result.patchFile}  (edit it, then npm run questions:apply -- ${result.patchFile})`);
    if (!config.QUESTION_LOG) console.log('note: QUESTION_LOG is off, so nothing new is being logged');
  } finally {
    await store.close();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof StoreStartError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
