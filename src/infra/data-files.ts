import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { FactBaseData } from '../core/facts/fact-base.js';
import { FactBase } from '../core/facts/fact-base.js';
import { entityFileSchema, factFileSchema, sourceFileSchema, synonymFileSchema, topicFileSchema, unitFileSchema, contrastFileSchema, welcomeFileSchema } from '../core/facts/schema.js';
import { existsSync } from 'node:fs';
import { crossCheck, type DataProblem, zodProblems } from '../core/facts/validate.js';
import { crossCheckQuiz, type FiledQuizItem } from '../core/study/quiz-bank-check.js';
import { quizBankFileSchema } from '../core/study/quiz-bank-schema.js';

/** The project's data folder. */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** Thrown when the data files are invalid; the message lists every problem with file, id and field. */
export class DataError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(`invalid data:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'DataError';
  }
}

/** One problem as a line: `data/facts/x.json: fact "id", field answer.kk: must not be empty`. */
export function formatProblem(p: DataProblem): string {
  return `${p.file}${p.id ? `: ${p.record ?? 'fact'} "${p.id}"` : ''}${p.field ? `, field ${p.field}` : ''}: ${p.message}`;
}

function parseFile<T extends z.ZodType>(dir: string, path: string, schema: T, problems: DataProblem[]): z.infer<T> | undefined {
  const name = join('data', relative(dir, path));
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    problems.push({ file: name, message: `cannot read JSON: ${(e as Error).message}` });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...zodProblems(name, parsed.error, raw));
    return undefined;
  }
  return parsed.data;
}

/**
 * Reads and validates every data file, the quiz bank included unless `options.quiz` is false; throws a
 * {@link DataError} naming each problem.
 */
export function loadFactBaseData(dir = DATA_DIR, options: { quiz?: boolean } = {}): FactBaseData {
  const problems: DataProblem[] = [];
  const sources = parseFile(dir, join(dir, 'sources.json'), sourceFileSchema, problems);
  const topics = parseFile(dir, join(dir, 'topics.json'), topicFileSchema, problems);
  const entities = parseFile(dir, join(dir, 'entities.json'), entityFileSchema, problems);
  const synonyms = existsSync(join(dir, 'synonyms.json')) ? parseFile(dir, join(dir, 'synonyms.json'), synonymFileSchema, problems) : undefined;
  const units = existsSync(join(dir, 'units.json')) ? parseFile(dir, join(dir, 'units.json'), unitFileSchema, problems) : undefined;
  const contrasts = existsSync(join(dir, 'contrasts.json')) ? parseFile(dir, join(dir, 'contrasts.json'), contrastFileSchema, problems) : undefined;
  const welcome = existsSync(join(dir, 'welcome.json')) ? parseFile(dir, join(dir, 'welcome.json'), welcomeFileSchema, problems) : undefined;
  const factDir = join(dir, 'facts');
  const facts = readdirSync(factDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => parseFile(dir, join(factDir, f), factFileSchema, problems)?.facts ?? []);
  const quiz = options.quiz === false ? [] : readQuizFiles(dir, problems);
  const data: FactBaseData = {
    facts,
    entities: entities?.entities ?? [],
    topics: topics?.topics ?? [],
    documents: sources?.documents ?? [],
    synonyms: synonyms?.groups ?? [],
    units: units?.units ?? {},
    contrasts: contrasts?.pairs ?? [],
    quiz: quiz.map((q) => q.item),
    ...(welcome ? { welcome: welcome.examples } : {}),
  };
  if (problems.length === 0) problems.push(...crossCheck(data), ...crossCheckQuiz(quiz, data));
  if (problems.length > 0) throw new DataError(problems);
  return data;
}

/**
 * The quiz bank's files (`data/quiz/*.json`, none when the folder is absent), each parsed with zod; the items
 * of every file that parses, and a problem for each that does not. References are checked by {@link crossCheckQuiz}.
 */
export function readQuizFiles(dir: string, problems: DataProblem[] = []): FiledQuizItem[] {
  const quizDir = join(dir, 'quiz');
  if (!existsSync(quizDir)) return [];
  return readdirSync(quizDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const path = join(quizDir, f);
      const found: DataProblem[] = [];
      const items = parseFile(dir, path, quizBankFileSchema, found)?.items ?? [];
      // zod's problems name the record by its id; here that record is a quiz item, not a fact.
      problems.push(...found.map((p) => (p.id ? { ...p, record: 'item' as const } : p)));
      const file = join('data', relative(dir, path));
      return items.map((item) => ({ file, item }));
    });
}

/** Loads the fact base from the data folder (without its quiz bank when `options.quiz` is false). */
export function loadFactBase(dir = DATA_DIR, options: { quiz?: boolean } = {}): FactBase {
  return new FactBase(loadFactBaseData(dir, options));
}
