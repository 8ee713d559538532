/**
 * Test helpers that run as processes of their own (test/faults/support/fanout-process.ts) run with plain node
 * on the compiled build, as the bot's own processes do (see processes.ts): through tsx each would pay about
 * 0.3 s of CPU for the loader alone. The tests' global setup transpiles each helper to var/test-build/ (types
 * removed, nothing checked: `npm run typecheck` checks the source) and points its imports of src/ at the same
 * modules in dist/, which that setup has just built. A helper run compiled imports nothing else of the
 * repository: packages, node: modules and src/ only, and finds no file from its own path (import.meta.url
 * points into var/test-build/ once compiled). The import specifiers are found by a pattern over the emitted
 * JavaScript, so a helper keeps quoted relative paths out of its comments and strings. Under tsx (the
 * benches) the same source runs as it is.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/** The helpers that tests run as processes, by path from the repository's root. */
export const PROCESS_HELPERS = ['test/faults/support/fanout-process.ts'] as const;

/** Where the compiled helper of `entry` is written. */
export function compiledHelperPath(root: string, entry: string): string {
  return join(root, 'var', 'test-build', basename(entry).replace(/\.ts$/, '.js'));
}

/** Relative specifiers of static and dynamic imports and re-exports in emitted JavaScript. */
const RELATIVE_IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\2/g;

/** One helper as plain JavaScript whose imports of src/ load dist/; throws on any other relative import. */
export function transpileHelper(root: string, entry: string): string {
  const file = join(root, entry);
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return outputText.replace(RELATIVE_IMPORT, (_match, keyword: string, quote: string, specifier: string) => {
    const inSrc = relative(join(root, 'src'), resolve(dirname(file), specifier));
    if (inSrc.startsWith('..')) throw new Error(`${entry} imports ${specifier}: a helper run compiled may import only src/ and packages`);
    return `${keyword}${quote}${pathToFileURL(join(root, 'dist', inSrc)).href}${quote}`;
  });
}

/**
 * Writes {@link transpileHelper}'s output to {@link compiledHelperPath} and returns that path. Written beside
 * and renamed into place, so that a test run starting the helper meanwhile never reads half a file.
 */
export function compileHelper(root: string, entry: string): string {
  const out = compiledHelperPath(root, entry);
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, transpileHelper(root, entry));
  renameSync(tmp, out);
  return out;
}
