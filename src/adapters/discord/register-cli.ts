/**
 * `npm run discord:register`: registers the slash commands now: to the server DISCORD_GUILD_ID when it is
 * set (instant, for development), otherwise globally. The bot also does this at start when they differ.
 */
import { REST } from 'discord.js';
import { COMMANDS } from '../../core/commands/definitions.js';
import { ConfigError, loadConfig } from '../../config/config.js';
import { createLogger } from '../../infra/logger.js';
import { restOptions } from './create-client.js';
import { safeError } from './errors.js';
import { registerCommands } from './register-commands.js';

try {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  if (!config.DISCORD_TOKEN) {
    console.error('DISCORD_TOKEN is not set: put the bot token from the Discord Developer Portal in the environment.');
    process.exit(1);
  }
  const rest = new REST(restOptions(config.DISCORD_API_BASE_URL)).setToken(config.DISCORD_TOKEN);
  try {
    await registerCommands(rest, COMMANDS, config.DISCORD_GUILD_ID, logger);
    console.error(config.DISCORD_GUILD_ID ? `Registered to server ${config.DISCORD_GUILD_ID}.` : 'Registered globally.');
  } catch (error) {
    logger.error({ err: safeError(error) }, 'discord command registration failed');
    process.exit(1);
  }
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}
