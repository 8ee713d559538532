import { Routes, type APIApplication, type APIApplicationCommand, type REST } from 'discord.js';
import type { CommandDefinition } from '../../core/commands/definitions.js';
import type { Logger } from '../../core/ports.js';
import { buildSlashCommands, commandsInSync, type SlashCommandBody } from './slash-commands.js';

/** Where to register: the application, and one server for development or none for global commands. */
export interface CommandTarget {
  applicationId: string;
  /** A server id: its commands update at once, where global ones may take a while to appear. */
  guildId?: string;
}

/** What {@link syncCommands} did. */
export type SyncResult = 'updated' | 'unchanged';

function commandsRoute(target: CommandTarget): `/${string}` {
  return target.guildId ? Routes.applicationGuildCommands(target.applicationId, target.guildId) : Routes.applicationCommands(target.applicationId);
}

/**
 * Makes the registered slash commands match `bodies`. Unless `force` is set it first reads what is
 * registered and leaves it alone when equal: a PUT of global commands counts against a daily limit and
 * makes every client refetch them. The PUT replaces the whole list, so commands we dropped disappear.
 */
export async function syncCommands(
  rest: REST,
  target: CommandTarget,
  bodies: SlashCommandBody[],
  logger: Logger,
  options: { force?: boolean } = {},
): Promise<SyncResult> {
  const route = commandsRoute(target);
  const scope = target.guildId ? 'guild' : 'global';
  if (!options.force) {
    // Without with_localizations Discord returns only the localization for the request's locale.
    const remote = (await rest.get(route, { query: new URLSearchParams({ with_localizations: 'true' }) })) as APIApplicationCommand[];
    if (commandsInSync(bodies, remote, scope)) {
      logger.info({ scope, guildId: target.guildId, count: bodies.length }, 'discord commands up to date');
      return 'unchanged';
    }
  }
  await rest.put(route, { body: bodies });
  logger.info({ scope, guildId: target.guildId, commands: bodies.map((b) => b.name) }, 'discord commands registered');
  return 'updated';
}

/** The bot's application id, which is what the command routes need. */
export async function fetchApplicationId(rest: REST): Promise<string> {
  const app = (await rest.get(Routes.currentApplication())) as APIApplication;
  return app.id;
}

/** Builds the slash commands from the definitions and registers them (`npm run discord:register`). */
export async function registerCommands(
  rest: REST,
  definitions: readonly CommandDefinition[],
  guildId: string | undefined,
  logger: Logger,
): Promise<SyncResult> {
  const applicationId = await fetchApplicationId(rest);
  return syncCommands(rest, { applicationId, guildId }, buildSlashCommands(definitions), logger, { force: true });
}
