import { Client, Events, GatewayIntentBits, type RESTOptions } from 'discord.js';
import type { Logger } from '../../core/ports.js';
import { redactSecrets, safeError } from './errors.js';

/**
 * REST options for a base URL from DISCORD_API_BASE_URL (a proxy or a test server). Like Discord's own
 * `https://discord.com/api`, it ends before the version: discord.js appends `/v10`.
 */
export function restOptions(apiBaseUrl: string | undefined): Partial<RESTOptions> {
  return apiBaseUrl ? { api: apiBaseUrl.replace(/\/+$/, '') } : {};
}

/**
 * The discord.js client. Slash commands need no privileged intent and no message content: Guilds alone
 * keeps the server and channel caches that interactions refer to. No reply may ping anyone by default.
 */
export function createClient(apiBaseUrl: string | undefined): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: restOptions(apiBaseUrl),
  });
}

/** Forwards the client's own events to the logger, with tokens redacted. */
export function logClientEvents(client: Client, logger: Logger): void {
  client.on(Events.Error, (error) => logger.error({ err: safeError(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: redactSecrets(message) }, 'discord client warning'));
  client.on(Events.Debug, (message) => logger.debug({ detail: redactSecrets(message) }, 'discord client debug'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'discord shard disconnected for good'));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'discord shard reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'discord shard resumed'));
  client.rest.on('rateLimited', (info) =>
    logger.warn({ route: redactSecrets(info.route), method: info.method, retryAfterMs: info.retryAfter, global: info.global }, 'discord rate limit'),
  );
}
