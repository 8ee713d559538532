import type { I18n } from '../../core/i18n/i18n.js';
import type { Lang } from '../../core/facts/schema.js';

/**
 * An interface string that the core may not define yet: `id` when it exists, otherwise the closest existing
 * message `fallbackId`. I18n returns the id itself for a missing message, which must never reach a user.
 */
export function textOr(i18n: I18n, lang: Lang, id: string, fallbackId: string): string {
  const text = i18n.t(lang, id);
  return text === id ? i18n.t(lang, fallbackId) : text;
}

/** Like {@link textOr}, but for a label that may be left out when the core has no string for it. */
export function optionalText(i18n: I18n, lang: Lang, id: string): string | undefined {
  const text = i18n.t(lang, id);
  return text === id ? undefined : text;
}
