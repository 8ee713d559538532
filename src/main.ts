/**
 * `npm start`: runs the bot. With TELEGRAM_BOT_TOKEN and/or DISCORD_TOKEN it connects to those platforms;
 * with neither it opens a chat in the terminal, so anyone can try it.
 */
import { createCoreServices } from './app/core-services.js';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { systemClock } from './core/ports.js';
import type { RunningPlatform } from './adapters/platform.js';
import { TerminalChat } from './adapters/terminal/terminal-chat.js';
import { loadFactBase } from './infra/data-files.js';
import { SqliteStore, openDatabase } from './infra/sqlite/sqlite-store.js';
import { createLogger } from './infra/logger.js';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const store = new SqliteStore(openDatabase(config.DATABASE_URL));
  const core = createCoreServices({
    store,
    base: loadFactBase(),
    clock: systemClock,
    logger,
    rateLimit: { limit: config.RATE_LIMIT_QUESTIONS, windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000 },
  });

  if (!config.TELEGRAM_BOT_TOKEN && !config.DISCORD_TOKEN) {
    const terminal = new TerminalChat(core.chat, process.stdin, process.stdout);
    await terminal.run('No TELEGRAM_BOT_TOKEN or DISCORD_TOKEN set: chatting here in the terminal. Type /help, a question, or /quit.');
    store.close();
    return;
  }

  const running: RunningPlatform[] = [];
  const deps = { core, config, logger };
  // Platform code loads only when its token is set, so a terminal session never pays for it.
  if (config.TELEGRAM_BOT_TOKEN) running.push(await (await import('./adapters/telegram/start-telegram.js')).startTelegram(deps));
  if (config.DISCORD_TOKEN) running.push(await (await import('./adapters/discord/start-discord.js')).startDiscord(deps));
  logger.info({ platforms: running.map((p) => p.name) }, 'bot started');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping: finishing replies in flight');
    void Promise.allSettled(running.map((p) => p.stop())).then(() => {
      store.close();
      logger.info({}, 'stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
