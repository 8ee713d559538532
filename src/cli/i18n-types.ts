/**
 * `npm run i18n:types`: regenerates src/core/i18n/messages.generated.ts (the MessageId type and the compiled-in
 * messages) from src/core/i18n/locales/{en,ru,kk}.ftl. Run it after editing a .ftl file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGS, type Lang } from '../core/facts/schema.js';
import { renderMessagesModule } from '../core/i18n/catalogue.js';

/** The folder of the i18n module (src/core/i18n, or dist/core/i18n when compiled: the .ftl files stay in src). */
const I18N_DIR = fileURLToPath(new URL('../../src/core/i18n/', import.meta.url));

/** The Fluent source of each language, read from locales/<lang>.ftl. */
export function readLocaleSources(dir = I18N_DIR): Record<Lang, string> {
  return Object.fromEntries(LANGS.map((lang) => [lang, readFileSync(`${dir}locales/${lang}.ftl`, 'utf8')])) as Record<Lang, string>;
}

/** Where the generated module lives. */
export const GENERATED_FILE = `${I18N_DIR}messages.generated.ts`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GENERATED_FILE, renderMessagesModule(readLocaleSources()));
  console.log(`wrote ${GENERATED_FILE}`);
}
