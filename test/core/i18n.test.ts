/**
 * The interface strings: the .ftl files of the three languages define the same messages with the same
 * variables, the generated MessageId module is current, and every message is one the code asks for.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, readLocaleSources } from '../../src/cli/i18n-types.js';
import { LANGS } from '../../src/core/facts/schema.js';
import { messageVariables, renderMessagesModule } from '../../src/core/i18n/catalogue.js';
import { I18n } from '../../src/core/i18n/i18n.js';
import { MESSAGE_IDS } from '../../src/core/i18n/messages.generated.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const sources = readLocaleSources();

describe('interface strings', () => {
  it('has every message in every language, showing the same variables', () => {
    const en = messageVariables(sources.en);
    expect(en.size).toBeGreaterThan(10);
    for (const lang of LANGS) {
      const other = messageVariables(sources[lang]);
      expect([...other.keys()].sort(), lang).toEqual([...en.keys()].sort());
      for (const [id, vars] of en) {
        expect(other.get(id)?.shown, `${lang} ${id}`).toEqual(vars.shown);
        // A variable that only picks a plural form may go unused where the language has none (Kazakh after a numeral).
        for (const name of other.get(id)?.all ?? []) expect(vars.all, `${lang} ${id} uses $${name}`).toContain(name);
      }
    }
  });

  it('compiles in the .ftl files as they are: messages.generated.ts is current (else run npm run i18n:types)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(renderMessagesModule(sources));
  });

  it('loads every language from the generated module, with no message left out', () => {
    const i18n = new I18n();
    for (const lang of LANGS) expect([...i18n.ids(lang)].sort(), lang).toEqual([...MESSAGE_IDS].sort());
  });

  it('defines no message the code never asks for', () => {
    const code = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.startsWith(join('core', 'i18n')))
      .map((f) => readFileSync(join(SRC, f), 'utf8'))
      .join('\n');
    // Ids built from a prefix, as `smalltalk-${kind}`: a message whose id starts with such a prefix counts as used.
    const prefixes = [...code.matchAll(/`([a-z-]+-)\$\{/g)].map((m) => m[1] ?? '');
    const unused = MESSAGE_IDS.filter((id) => !new RegExp(`['"\`]${id}['"\`]`).test(code) && !prefixes.some((p) => id.startsWith(p)));
    expect(unused).toEqual([]);
  });
});
