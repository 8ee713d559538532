import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { Lang } from '../facts/schema.js';
import en from './messages-en.js';
import kk from './messages-kk.js';
import ru from './messages-ru.js';

const SOURCES: Record<Lang, string> = { en, ru, kk };

/** Translates interface strings; one Fluent bundle per language, built once. */
export class I18n {
  private readonly bundles = new Map<Lang, FluentBundle>();

  constructor(sources: Record<Lang, string> = SOURCES) {
    for (const lang of Object.keys(sources) as Lang[]) {
      // No Unicode isolation marks: replies go to chat platforms that show them as stray characters.
      const bundle = new FluentBundle(lang, { useIsolating: false });
      const errors = bundle.addResource(new FluentResource(sources[lang]));
      if (errors.length) throw new Error(`messages-${lang}: ${errors.map(String).join('; ')}`);
      this.bundles.set(lang, bundle);
    }
  }

  /** The message `id` in `lang`, falling back to English, then to the id itself. */
  t(lang: Lang, id: string, args?: Record<string, FluentVariable>): string {
    for (const l of [lang, 'en'] as const) {
      const bundle = this.bundles.get(l);
      const msg = bundle?.getMessage(id);
      if (bundle && msg?.value) return bundle.formatPattern(msg.value, args);
    }
    return id;
  }

  /** Ids of every message in a language (for tests that keep the languages in step). */
  ids(lang: Lang): string[] {
    const bundle = this.bundles.get(lang);
    return bundle ? [...bundle._messages.keys()] : [];
  }
}
