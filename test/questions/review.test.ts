/**
 * The review of a seeded question log (real SQLite, the real resolver and data): grouping, the order by
 * distinct askers, each verdict, the report and the proposed patch.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReviewArgs, parseSince, runReview } from '../../src/app/question-review.js';
import { dataPatchSchema } from '../../src/core/questions/data-patch.js';
import type { LoggedQuestion, LoggedStatus } from '../../src/core/questions/question-log.js';
import type { QuestionGroup } from '../../src/core/questions/review.js';
import type { Lang } from '../../src/core/facts/schema.js';
import { openDatabase, SqliteStore } from '../../src/infra/sqlite/sqlite-store.js';
import { sharedFacts } from '../support/shared-facts.js';

const DAY = 86_400_000;
const NOW = Date.parse('2024-06-30T12:00:00Z');
const out = mkdtempSync(join(tmpdir(), 'review-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** One seeded entry: text, language, status, askers (distinct), and the fact the bot leaned to. */
type Seed = [text: string, lang: Lang, status: LoggedStatus, askers: string[], factId?: string, daysAgo?: number];

const SEEDS: Seed[] = [
  // One group, three wordings, two askers: the bot guessed the right fact.
  ['when did the referendum take place?', 'en', 'unsure', ['a', 'b'], 'referendum-june-5'],
  ['When did the referendum take place', 'en', 'unsure', ['a'], 'referendum-june-5'],
  // Russian: its own group, though the same question.
  ['когда был референдум', 'ru', 'unsure', ['c'], 'referendum-june-5'],
  // Five entries by one asker: fewer askers than the group above, so it comes after.
  ['What is the price of bread?', 'en', 'unknown', ['d', 'd', 'd', 'd', 'd']],
  // Declined with an entity's gap already; another entity is another group.
  ['When was Tokayev born?', 'en', 'unknown', ['e', 'f', 'g']],
  ['how old is Kosherbayev', 'en', 'unknown', ['h']],
  // Marked wrong: an answer that covers every word, about a detail the fact never gives.
  ['When was the referendum, and how many polling stations were open?', 'en', 'wrong', ['i', 'j'], 'referendum-june-5'],
  // Marked wrong where another fact is nearly as close: the bot missed that one.
  ['what did Tokayev say about Nauryz', 'en', 'wrong', ['k'], 'tokayev-nauryz-truly-national-holiday'],
  // Logged once, answered now.
  ['how much will the pension rise', 'en', 'unknown', ['l']],
  // Older than the period asked for.
  ['Who is Kobrinsky?', 'en', 'unsure', ['m'], 'kobrinsky-who', 40],
];

async function seededStore(): Promise<SqliteStore> {
  const store = new SqliteStore(openDatabase(':memory:'));
  let minute = 0;
  for (const [text, lang, status, askers, factId, daysAgo = 1] of SEEDS)
    for (const asker of askers) {
      const entry: LoggedQuestion = { text, lang, status, score: 0.4, platform: 'telegram', chatKind: 'group', asker, at: NOW - daysAgo * DAY + minute++ * 60_000, ...(factId ? { factId } : {}) };
      await store.questionLog.add(entry);
    }
  return store;
}

function groupOf(groups: QuestionGroup[], text: string): QuestionGroup {
  const group = groups.find((g) => g.entries.some((e) => e.text === text));
  if (!group) throw new Error(`no group holds “${text}”`);
  return group;
}

describe('questions:review', async () => {
  const store = await seededStore();
  const { resolver } = sharedFacts();
  const result = await runReview({ log: store.questionLog, resolver, now: NOW, retentionDays: 90, since: NOW - 30 * DAY, suggest: true, outDir: out });
  const { groups } = result;

  it('groups wordings of one question in one language, and keeps languages and entities apart', () => {
    expect(groupOf(groups, 'when did the referendum take place?').examples.map((e) => e.text)).toEqual(['when did the referendum take place?', 'When did the referendum take place']);
    expect(groupOf(groups, 'когда был референдум')).not.toBe(groupOf(groups, 'when did the referendum take place?'));
    expect(groupOf(groups, 'When was Tokayev born?')).not.toBe(groupOf(groups, 'how old is Kosherbayev'));
    expect(groups.flatMap((g) => g.entries)).toHaveLength(SEEDS.filter((s) => !s[5]).reduce((n, s) => n + s[3].length, 0));
  });

  it('orders groups by distinct askers, not by entries', () => {
    expect(groups.map((g) => g.askers)).toEqual([...groups.map((g) => g.askers)].sort((a, b) => b - a));
    const bread = groupOf(groups, 'What is the price of bread?');
    expect(bread).toMatchObject({ askers: 1, entries: { length: 5 } });
    expect(groups.indexOf(bread)).toBeGreaterThan(groups.indexOf(groupOf(groups, 'when did the referendum take place?')));
    expect(groups[0]?.examples[0]?.text).toBe('When was Tokayev born?');
  });

  it('leaves out what is older than --since', () => {
    expect(groups.some((g) => g.entries.some((e) => e.text === 'Who is Kobrinsky?'))).toBe(false);
  });

  it('says the bot missed a question whose fact it only guessed, and names the fact', () => {
    expect(groupOf(groups, 'when did the referendum take place?')).toMatchObject({
      leaned: { factId: 'referendum-june-5', score: 0.4 },
      verdict: { kind: 'missed', factId: 'referendum-june-5', question: 'when did the referendum take place?' },
    });
  });

  it('says the source is silent, and whether the bot already says so, a gap is wanted, or the question is off topic', () => {
    expect(groupOf(groups, 'When was Tokayev born?').verdict).toMatchObject({ kind: 'silent', existing: { target: { entity: 'tokayev' } } });
    expect(groupOf(groups, 'What is the price of bread?').verdict).toEqual({ kind: 'silent' });
    const stations = groupOf(groups, 'When was the referendum, and how many polling stations were open?');
    expect(stations.verdict).toMatchObject({ kind: 'silent', gap: { target: { fact: 'referendum-june-5' } } });
    const keywords = stations.verdict.kind === 'silent' ? (stations.verdict.gap?.keywords ?? []) : [];
    expect(keywords).toContain('stations');
    // No word the fact's own texts use: the bot would decline its own questions.
    expect(keywords).not.toContain('referendum');
  });

  it('for an answer marked wrong, names the fact nearly as close that the bot passed over', () => {
    expect(groupOf(groups, 'what did Tokayev say about Nauryz').verdict).toMatchObject({ kind: 'missed', factId: 'nauryz-spring-equinox-day' });
  });

  it('tells a question the bot answers now', () => {
    expect(groupOf(groups, 'how much will the pension rise').verdict).toMatchObject({ kind: 'answered-now' });
  });

  it('writes a readable report with the examples, the fact leaned to, its score and the verdict', () => {
    const report = readFileSync(result.reportFile, 'utf8');
    expect(report).toMatch(/^# Questions the bot could not answer\n/);
    expect(report).toContain('## 2. “when did the referendum take place?”');
    expect(report).toContain('2 askers, 3 logged (3 guessed); English; telegram group 3.');
    const title = resolver.base.fact('referendum-june-5')?.title.en;
    expect(report).toContain(`The bot leaned to \`referendum-june-5\` (“${title}”) with a score of 0.40.`);
    expect(report).toContain('**Verdict to check: the bot missed it.**');
    expect(report).toContain('**Verdict to check: the source is silent.** Add a gap to fact `referendum-june-5`');
    expect(report).toContain('and the bot already says so');
  });

  it('writes a patch of the proposals, with TODO where a maintainer must write', () => {
    const patch = dataPatchSchema.parse(JSON.parse(readFileSync(result.patchFile!, 'utf8')));
    expect(patch.additions).toContainEqual(expect.objectContaining({ type: 'question', fact: 'referendum-june-5', lang: 'en', question: 'when did the referendum take place?' }));
    const gap = patch.additions.find((a) => a.type === 'gap');
    expect(gap).toMatchObject({ fact: 'referendum-june-5', gap: { keywords: expect.arrayContaining(['stations']) as unknown } });
    expect(gap?.type === 'gap' && gap.gap.about.kk).toMatch(/^TODO/);
    // Nothing for the groups with nothing to add.
    expect(patch.additions.some((a) => JSON.stringify(a).includes('bread'))).toBe(false);
  });

  it('reads --since, --lang, --suggest and --out, and refuses anything else', () => {
    expect(parseReviewArgs(['--since', '30d', '--lang', 'kk', '--suggest'], NOW)).toEqual({ since: NOW - 30 * DAY, lang: 'kk', suggest: true });
    expect(parseSince('2024-05-01', NOW)).toBe(Date.parse('2024-05-01T00:00:00Z'));
    expect(parseSince('2w', NOW)).toBe(NOW - 14 * DAY);
    expect(parseReviewArgs(['--since', 'yesterday'], NOW)).toHaveProperty('error');
    expect(parseReviewArgs(['--lang', 'de'], NOW)).toHaveProperty('error');
    expect(parseReviewArgs(['--frobnicate'], NOW)).toHaveProperty('error');
  });

  it('reviews one language with --lang, and deletes expired entries first', async () => {
    const kk = await runReview({ log: store.questionLog, resolver, now: NOW, retentionDays: 90, lang: 'ru', suggest: false, outDir: out });
    expect(kk.groups.map((g) => g.lang)).toEqual(['ru']);
    expect(kk.patchFile).toBeUndefined();
    await runReview({ log: store.questionLog, resolver, now: NOW, retentionDays: 30, suggest: false, outDir: out });
    expect((await store.questionLog.list({ since: 0 })).some((e) => e.text === 'Who is Kobrinsky?')).toBe(false);
  });
});
