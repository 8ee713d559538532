/**
 * Applying a review patch to data/ (`npm run questions:apply -- file`): the additions are made on a copy of the
 * data folder, the copy is loaded exactly as the bot loads data/ (every zod schema, the cross-checks, the quiz
 * bank's checks), and only when it loads are the changed files written back, formatted as they were.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPatch, dataPatchSchema, type DataJson, type DataPatch } from '../core/questions/data-patch.js';
import { FactBase } from '../core/facts/fact-base.js';
import { Resolver } from '../core/resolver/resolver.js';
import type { ResolvedAnswer } from '../core/resolver/types.js';
import { DATA_DIR, DataError, formatProblem, loadFactBaseData } from './data-files.js';

/** The patch was refused: each line says why. Nothing was written. */
export class PatchRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`patch refused:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'PatchRefused';
  }
}

/** What an applied patch changed, and how the bot now answers each question it added. */
export interface AppliedPatch {
  /** Files written, relative to the data folder. */
  changed: string[];
  added: { question: string; fact: string; now: Pick<ResolvedAnswer, 'status' | 'factIds' | 'confidence'> }[];
}

/** Reads and checks a patch file. */
export function readPatch(path: string): DataPatch {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PatchRefused([`${path}: cannot read JSON: ${(error as Error).message}`]);
  }
  const parsed = dataPatchSchema.safeParse(raw);
  if (!parsed.success) throw new PatchRefused(parsed.error.issues.map((i) => `${path}: ${i.path.join('.') || '(top)'}: ${i.message}`));
  return parsed.data;
}

/** The fact files and the entity file of a data folder, as JSON. */
export function readDataJson(dir: string): DataJson {
  const factDir = join(dir, 'facts');
  return {
    facts: readdirSync(factDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ file: join('facts', f), json: JSON.parse(readFileSync(join(factDir, f), 'utf8')) as DataJson['facts'][number]['json'] })),
    entities: { file: 'entities.json', json: JSON.parse(readFileSync(join(dir, 'entities.json'), 'utf8')) as DataJson['entities']['json'] },
  };
}

/**
 * Applies `patch` to the data folder `dir`, or throws {@link PatchRefused} (nothing written) when an addition
 * is wrong or the result does not validate.
 */
export function applyPatchToData(patch: DataPatch, dir = DATA_DIR): AppliedPatch {
  const result = applyPatch(readDataJson(dir), patch);
  if ('problems' in result) throw new PatchRefused(result.problems);
  const files = new Map([...result.data.facts, result.data.entities].map((f) => [f.file, f.json]));
  const staging = mkdtempSync(join(tmpdir(), 'data-patch-'));
  try {
    cpSync(dir, staging, { recursive: true });
    for (const file of result.changed) writeFileSync(join(staging, file), format(files.get(file)));
    let data;
    try {
      data = loadFactBaseData(staging);
    } catch (error) {
      if (error instanceof DataError) throw new PatchRefused(error.problems.map(formatProblem));
      throw error;
    }
    const resolver = new Resolver(new FactBase(data));
    const added = patch.additions.flatMap((a) => {
      if (a.type !== 'question') return [];
      const { status, factIds, confidence } = resolver.resolve(a.question, { fallbackLang: a.lang });
      return [{ question: a.question, fact: a.fact, now: { status, factIds, confidence } }];
    });
    // Valid: write each changed file beside its original, then move it into place.
    for (const file of result.changed) {
      const target = join(dir, file);
      writeFileSync(`${target}.tmp`, format(files.get(file)));
      renameSync(`${target}.tmp`, target);
    }
    return { changed: result.changed, added };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** JSON as the data files are written: two spaces, a final newline. */
function format(json: unknown): string {
  return `${JSON.stringify(json, null, 2)}\n`;
}
