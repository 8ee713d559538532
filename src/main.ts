/**
 * `npm start`: runs the bot. With TELEGRAM_BOT_TOKEN and/or DISCORD_TOKEN it connects to those platforms and
 * serves /healthz, /metrics (and the Telegram webhook, when on) on PORT; with neither it opens a chat in the
 * terminal, so anyone can try it (a try-out: no HTTP server there).
 */
import { createCoreServices } from './app/core-services.js';
import { installShutdown, type Stoppable } from './app/shutdown.js';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import type { RunningPlatform } from './adapters/platform.js';
import { TerminalChat } from './adapters/terminal/terminal-chat.js';
import { startDailyPostCron } from './infra/daily-post-cron.js';
import { loadFactBase } from './infra/data-files.js';
import { SqliteStore, openDatabase } from './infra/sqlite/sqlite-store.js';
import { systemClock } from './infra/system-clock.js';
import { createLogger, usePrettyLogs } from './infra/logger.js';
import { startHttpServer } from './infra/http/http-server.js';
import { mountOpsRoutes } from './infra/http/ops-routes.js';
import { PrometheusMetrics } from './infra/metrics/prometheus-metrics.js';

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
  const logger = createLogger(config.LOG_LEVEL, { pretty: usePrettyLogs(config.NODE_ENV) });
  const store = new SqliteStore(openDatabase(config.DATABASE_URL), { logger: logger.child({ component: 'store' }) });
  const enabled = [...(config.TELEGRAM_BOT_TOKEN ? (['telegram'] as const) : []), ...(config.DISCORD_TOKEN ? (['discord'] as const) : [])];
  const metrics = new PrometheusMetrics({ platforms: enabled });
  const core = createCoreServices({
    store,
    base: loadFactBase(),
    clock: systemClock,
    logger,
    rateLimit: { limit: config.RATE_LIMIT_QUESTIONS, windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000 },
    metrics,
    study: { questionSeconds: config.STUDY_QUESTION_SECONDS },
    dailyPosts: {
      timeZone: config.DEFAULT_TIMEZONE,
      postTime: config.DEFAULT_POST_TIME,
      catchUpHours: config.POST_CATCH_UP_HOURS,
      telegramPostsPerSecond: config.TELEGRAM_POSTS_PER_SECOND,
    },
  });
  // Daily posts: a tick every minute posts to the chats whose time came (started once the platforms can send).
  const startDailyPosts = () => {
    const { scheduler, queue } = core.dailyPosts;
    return scheduler && queue ? startDailyPostCron(scheduler, queue, logger, () => metrics.error('post')) : undefined;
  };

  if (!config.TELEGRAM_BOT_TOKEN && !config.DISCORD_TOKEN) {
    const terminal = new TerminalChat(core.chat, process.stdin, process.stdout);
    core.messengers.register('terminal', terminal.messenger());
    core.study?.resume((platform) => core.messengers.has(platform));
    const posts = startDailyPosts();
    await terminal.run('No TELEGRAM_BOT_TOKEN or DISCORD_TOKEN set: chatting here in the terminal. Type /help, a question, or /quit.');
    await posts?.stop();
    core.study?.close();
    store.close();
    return;
  }

  const running: RunningPlatform[] = [];
  // Background work that posts on its own (daily-post scheduler, study timers): push a Stoppable here; on
  // SIGTERM it is stopped first, finishing the post in flight while the platforms can still send it.
  const workers: Stoppable[] = [];
  // One HTTP server on PORT: /healthz and /metrics here, the Telegram webhook mounts its path on it.
  const http = await startHttpServer({ port: config.PORT, logger });
  // SIGTERM/SIGINT: workers, then platforms (stop taking updates, finish replies), then HTTP, then the store.
  const shutdown = installShutdown({ workers, platforms: running, http, store, logger });
  // A platform still starting counts as disconnected.
  const platformHealth = enabled.map((name) => ({ name, isConnected: () => running.find((p) => p.name === name)?.isConnected() ?? false }));
  mountOpsRoutes(http, { store, platforms: platformHealth, stopping: shutdown.isStopping }, metrics);

  const deps = { core, config, logger, http };
  try {
    // Platform code loads only when its token is set, so a terminal session never pays for it.
    if (config.TELEGRAM_BOT_TOKEN) running.push(await (await import('./adapters/telegram/start-telegram.js')).startTelegram(deps));
    if (config.DISCORD_TOKEN) running.push(await (await import('./adapters/discord/start-discord.js')).startDiscord(deps));
  } catch (error) {
    // Start errors carry no token (TelegramStartError and discord.js's login errors name the problem only).
    logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'start failed');
    await shutdown.shutdown('start failed', 1);
    return;
  }
  // Study sessions interrupted by the restart resume (or end with their leaderboard) once the platforms can post.
  if (core.study) {
    const study = core.study;
    study.resume((platform) => core.messengers.has(platform));
    workers.push({ name: 'study', stop: () => (study.close(), study.idle()) });
  }
  const posts = startDailyPosts();
  if (posts) workers.push(posts);
  logger.info({ platforms: running.map((p) => p.name), port: http.port }, 'bot started');
}

await main();
