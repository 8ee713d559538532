import { Events, type Client } from 'discord.js';
import { COMMANDS, type CommandDefinition } from '../../core/commands/definitions.js';
import type { PlatformDeps, RunningPlatform } from '../platform.js';
import { ACKNOWLEDGE_AFTER_MS } from './acknowledge.js';
import type { DiscordChat } from './chat-port.js';
import { createClient, logClientEvents } from './create-client.js';
import { safeError } from './errors.js';
import { createInteractionHandler } from './handlers/interaction.js';
import { DiscordMessenger } from './messenger.js';
import { syncCommands } from './register-commands.js';
import { buildSlashCommands } from './slash-commands.js';

/** Replacements for tests: other command definitions, or a chat service with other timing. */
export interface DiscordOptions {
  definitions?: readonly CommandDefinition[];
  chat?: DiscordChat;
  /** How long the core may take before an interaction is deferred; ACKNOWLEDGE_AFTER_MS by default. */
  acknowledgeAfterMs?: number;
}

/**
 * Connects to Discord (DISCORD_TOKEN; DISCORD_API_BASE_URL for a proxy), brings the slash commands up to
 * date unless DISCORD_REGISTER_COMMANDS is off, and answers interactions until stopped.
 */
export async function startDiscord(deps: PlatformDeps, options: DiscordOptions = {}): Promise<RunningPlatform> {
  const token = deps.config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  const logger = deps.logger.child({ platform: 'discord' });
  const definitions = options.definitions ?? COMMANDS;
  const client = createClient(deps.config.DISCORD_API_BASE_URL);
  logClientEvents(client, logger);

  const handle = createInteractionHandler({
    chat: options.chat ?? deps.core.chat,
    i18n: deps.core.i18n,
    definitions,
    logger,
    metrics: deps.core.metrics,
    acknowledgeAfterMs: options.acknowledgeAfterMs ?? ACKNOWLEDGE_AFTER_MS,
  });
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  client.on(Events.InteractionCreate, (interaction) => {
    // After stop() nothing new starts; Discord shows the user "This interaction failed".
    if (stopping) return;
    const work = handle(interaction).finally(() => inFlight.delete(work));
    inFlight.add(work);
  });

  // Daily posts go to the channel where /subscribe was used, through the client's REST (it follows rate limits).
  deps.core.messengers.register('discord', new DiscordMessenger(client.rest, deps.core.i18n, deps.core.metrics));
  await loginAndWaitReady(client, token);
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord connected');

  if (deps.config.DISCORD_REGISTER_COMMANDS) {
    const applicationId = client.application?.id;
    try {
      if (!applicationId) throw new Error('Discord sent no application id');
      await syncCommands(client.rest, { applicationId, guildId: deps.config.DISCORD_GUILD_ID }, buildSlashCommands(definitions), logger);
    } catch (error) {
      // Stale commands still work mostly; the bot is more use running than stopped.
      logger.warn({ err: safeError(error) }, 'discord commands not registered; try npm run discord:register');
    }
  }

  let stopped: Promise<void> | undefined;
  return {
    name: 'discord',
    isConnected: () => client.isReady(),
    stop: () => {
      stopping = true;
      stopped ??= (async () => {
        await Promise.allSettled([...inFlight]);
        await client.destroy();
        logger.info({}, 'discord disconnected');
      })();
      return stopped;
    },
  };
}

/**
 * Logs in and waits until the client is ready: login() resolves at the gateway's READY, while the
 * application and server caches are complete only at clientReady.
 */
async function loginAndWaitReady(client: Client, token: string): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
}
