/** Telegram's command menu ("/" button), generated from the single list of commands in the core. */
import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope } from 'grammy/types';
import { COMMANDS, type CommandDefinition } from '../../core/commands/definitions.js';
import type { Lang } from '../../core/facts/schema.js';
import type { Logger } from '../../core/ports.js';
import { describeError } from './errors.js';
import { startupCall, type StartupRetry } from './startup-call.js';

/** One `setMyCommands` call. */
export interface CommandMenu {
  scope: BotCommandScope;
  /** Omitted for the default menu (English), shown to users whose language has no menu of its own. */
  language_code?: 'ru' | 'kk';
  commands: BotCommand[];
}

/** Which commands each scope shows. Administrators get their own menu, which replaces the group one. */
const SCOPES: { scope: BotCommandScope; shows: (c: CommandDefinition) => boolean }[] = [
  { scope: { type: 'all_private_chats' }, shows: (c) => c.scope === 'private' || c.scope === 'everywhere' },
  { scope: { type: 'all_group_chats' }, shows: (c) => (c.scope === 'group' || c.scope === 'everywhere') && !c.adminOnly },
  { scope: { type: 'all_chat_administrators' }, shows: (c) => c.scope === 'group' || c.scope === 'everywhere' },
];

const MENU_LANGS: { lang: Lang; code?: 'ru' | 'kk' }[] = [{ lang: 'en' }, { lang: 'ru', code: 'ru' }, { lang: 'kk', code: 'kk' }];

/** Telegram's limit on a command's description. */
const DESCRIPTION_LIMIT = 256;

/** Every menu: the three scopes in English (default), Russian and Kazakh. */
export function commandMenus(commands: readonly CommandDefinition[] = COMMANDS): CommandMenu[] {
  return MENU_LANGS.flatMap(({ lang, code }) =>
    SCOPES.map(({ scope, shows }) => ({
      scope,
      ...(code ? { language_code: code } : {}),
      commands: commands.filter(shows).map((c) => ({ command: c.name, description: c.description[lang].slice(0, DESCRIPTION_LIMIT) })),
    })),
  );
}

/**
 * Sets every menu, each call with a timeout and retries. A failure is logged and does not stop the bot: the
 * menu is a convenience, and typed commands work without it.
 */
export async function setCommandMenu(api: Api, logger: Logger, token = '', startup: { retry?: Partial<StartupRetry> } = {}): Promise<void> {
  const results = await Promise.allSettled(
    commandMenus().map((m) =>
      startupCall(
        'setMyCommands',
        (signal) => api.setMyCommands(m.commands, { scope: m.scope, ...(m.language_code ? { language_code: m.language_code } : {}) }, signal),
        { logger, token, ...startup },
      ),
    ),
  );
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [describeError(r.reason, token)] : []));
  if (failures.length > 0) logger.warn({ failed: failures.length, of: results.length, err: failures[0] }, 'telegram command menu not set');
  else logger.info({ menus: results.length }, 'telegram command menu set');
}
