import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { Lang } from '../facts/schema.js';
import { MESSAGE_SOURCES, type MessageId } from './messages.generated.js';

export type { MessageId } from './messages.generated.js';

/** Fluent texts already parsed, by text: a resource never changes once parsed, and every core builds an I18n. */
const resources = new Map<string, FluentResource>();

function parsed(source: string): FluentResource {
  let resource = resources.get(source);
  if (!resource) resources.set(source, (resource = new FluentResource(source)));
  return resource;
}

/** Translates interface strings; one Fluent bundle per language, built once. */
export class I18n {
  private readonly bundles = new Map<Lang, FluentBundle>();
  private readonly messageIds = new Map<Lang, string[]>();

  /** `sources`: the Fluent text of each language (by default locales/*.ftl, compiled into messages.generated.ts). */
  constructor(sources: Record<Lang, string> = MESSAGE_SOURCES) {
    for (const lang of Object.keys(sources) as Lang[]) {
      // No Unicode isolation marks: replies go to chat platforms that show them as stray characters.
      const bundle = new FluentBundle(lang, { useIsolating: false });
      const resource = parsed(sources[lang]);
      const errors = bundle.addResource(resource);
      if (errors.length) throw new Error(`locales/${lang}.ftl: ${errors.map(String).join('; ')}`);
      this.bundles.set(lang, bundle);
      this.messageIds.set(lang, resource.body.map((entry) => entry.id).filter((id) => !id.startsWith('-')));
    }
  }

  /** The message `id` in `lang`, falling back to English, then to the id itself. */
  t(lang: Lang, id: MessageId, args?: Record<string, FluentVariable>): string {
    for (const l of [lang, 'en'] as const) {
      const bundle = this.bundles.get(l);
      const msg = bundle?.getMessage(id);
      if (bundle && msg?.value) return bundle.formatPattern(msg.value, args);
    }
    return id;
  }

  /** Ids of every message in a language, as its source defines them (for tests that check each message). */
  ids(lang: Lang): MessageId[] {
    return (this.messageIds.get(lang) ?? []) as MessageId[];
  }
}
