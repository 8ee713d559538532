/**
 * `npm start`: runs the bot. With TELEGRAM_BOT_TOKEN and/or DISCORD_TOKEN it connects to those platforms and
 * serves /healthz, /metrics (and the Telegram webhook, when on) on PORT; with neither it opens a chat in the
 * terminal, so anyone can try it (a try-out: no HTTP server there).
 */
import { createCoreServices } from './app/core-services.js';
import { startHousekeeping } from './app/housekeeping.js';
import { installShutdown, type Stoppable } from './app/shutdown.js';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import type { RunningPlatform } from './adapters/platform.js';
import { TerminalChat } from './adapters/terminal/terminal-chat.js';
import { startDailyPostCron } from './infra/daily-post-cron.js';
import { loadFactBase } from './infra/data-files.js';
import { createResolver } from './infra/search-index-artefact.js';
import { dailyPostsHealth } from './core/subscriptions/daily-posts.js';
import type { Logger } from './core/ports.js';
import { isPostgresUrl, openStore, StoreStartError } from './infra/open-store.js';
import { databasePath } from './infra/sqlite/sqlite-store.js';
import { systemClock } from './infra/system-clock.js';
import { createLogger, redactTokens, usePrettyLogs } from './infra/logger.js';
import { terminalLogDestination } from './infra/terminal-log.js';
import { startHttpServer, type HttpServer } from './infra/http/http-server.js';
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

/** An error as one log field: its name, code and message, with anything shaped like a token removed. */
function errorFields(error: unknown): { name: string; code?: string; message: string } {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = 'code' in e && typeof e.code === 'string' ? e.code : undefined;
  return { name: e.name, ...(code ? { code } : {}), message: redactTokens(e.message) };
}

/** One clear line for a fault at start (a database that cannot be used, a port in use), and exit code 1. */
function startFailed(logger: Logger, message: string, error: unknown): void {
  logger.error({ err: errorFields(error) }, `start failed: ${message}`);
  process.exitCode = 1;
}

/** Binds PORT, or explains why not. */
async function listen(port: number, logger: Logger): Promise<HttpServer | undefined> {
  try {
    return await startHttpServer({ port, logger });
  } catch (error) {
    const code = errorFields(error).code;
    const why =
      code === 'EADDRINUSE'
        ? `port ${port} is in use: another process (another instance of the bot?) listens there; stop it or set PORT`
        : code === 'EACCES'
          ? `port ${port} needs privileges this user does not have: use a port above 1023`
          : `cannot listen on port ${port}`;
    startFailed(logger, why, error);
    return undefined;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  // Discord is optional per instance: with several instances, one runs the gateway (see the README).
  const discord = config.DISCORD_TOKEN && config.DISCORD_ENABLED ? config.DISCORD_TOKEN : undefined;
  // With no platform the bot chats in the terminal: logs go to a file there, and only warnings and errors
  // also show on the terminal, so that routine lines stay out of the conversation.
  const inTerminal = !config.TELEGRAM_BOT_TOKEN && !discord;
  const pretty = usePrettyLogs(config.NODE_ENV);
  // Secrets are redacted by value too: the webhook secret and the tokens, wherever they would appear.
  const logger = createLogger(config.LOG_LEVEL, {
    pretty,
    secrets: [config.TELEGRAM_WEBHOOK_SECRET, config.TELEGRAM_BOT_TOKEN, config.DISCORD_TOKEN],
    ...(inTerminal ? { destination: terminalLogDestination(config.LOG_FILE, { pretty }) } : {}),
  });
  // Whatever escapes every handler is one logged line and a stop, never a raw stack.
  // Until the shutdown is installed there is nothing to finish: exit at once.
  let stopAll = (_reason: string): void => process.exit(1);
  const unexpected = (error: unknown) => {
    logger.error({ err: errorFields(error) }, 'unexpected error: stopping');
    stopAll('unexpected error');
  };
  process.on('unhandledRejection', unexpected);
  process.on('uncaughtException', unexpected);

  const enabled = [...(config.TELEGRAM_BOT_TOKEN ? (['telegram'] as const) : []), ...(discord ? (['discord'] as const) : [])];
  const metrics = new PrometheusMetrics({ platforms: enabled });
  let store;
  try {
    store = await openStore(config.DATABASE_URL, {
      onWriteFailure: (code) => metrics.storeWriteFailed(code),
      logger: logger.child({ component: 'store' }),
      poolSize: config.DATABASE_POOL_SIZE,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    });
  } catch (error) {
    if (!(error instanceof StoreStartError)) throw error;
    startFailed(logger, error.message, error);
    return;
  }
  const base = loadFactBase();
  const core = createCoreServices({
    store,
    base,
    resolver: createResolver(base, logger.child({ component: 'resolver' })),
    clock: systemClock,
    logger,
    rateLimit: { limit: config.RATE_LIMIT_QUESTIONS, windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000 },
    metrics,
    study: { questionSeconds: config.STUDY_QUESTION_SECONDS, timerLeaseMs: config.STUDY_TIMER_LEASE_SECONDS * 1000 },
    ...(config.QUESTION_LOG ? { questionLog: { retentionDays: config.QUESTION_LOG_DAYS } } : {}),
    dailyPosts: {
      timeZone: config.DEFAULT_TIMEZONE,
      postTime: config.DEFAULT_POST_TIME,
      catchUpHours: config.POST_CATCH_UP_HOURS,
      telegramPostsPerSecond: config.TELEGRAM_POSTS_PER_SECOND,
      leaseMs: config.DAILY_POST_LEASE_SECONDS * 1000,
    },
  });
  // Daily posts: a tick every minute posts to the chats whose time came (started once the platforms can send).
  const startDailyPosts = () => {
    const { scheduler, queue } = core.dailyPosts;
    return scheduler && queue ? startDailyPostCron(scheduler, queue, logger, () => metrics.error('post')) : undefined;
  };

  // The question log deletes what has expired at start and every hour (started where the bot goes on, and
  // stopped before the store closes); when it is off, what it kept still expires.
  const questionLog = core.questionLog;
  if (!questionLog)
    await store.questionLog
      .purge(Date.now() - config.QUESTION_LOG_DAYS * 86_400_000, Date.now())
      .catch((error: unknown) => logger.warn({ err: errorFields(error) }, 'question log: expired entries not deleted'));
  if (inTerminal) {
    questionLog?.start();
    const terminal = new TerminalChat(core.chat, process.stdin, process.stdout, core.i18n);
    core.messengers.register('terminal', terminal.messenger());
    await core.study?.resume((platform) => core.messengers.has(platform));
    const posts = startDailyPosts();
    // The database is named only when it is a file: a server URL may carry a password.
    const path = isPostgresUrl(config.DATABASE_URL) ? ':memory:' : databasePath(config.DATABASE_URL);
    const database = path === ':memory:' ? '' : `, the database is ${path}`;
    await terminal.run(
      'No TELEGRAM_BOT_TOKEN or DISCORD_TOKEN set: chatting here in the terminal. Type /help, a question, or /quit.\n' +
        `Logs go to ${config.LOG_FILE} (warnings and errors show here too)${database}.`,
    );
    await posts?.stop();
    core.study?.close();
    await questionLog?.stop();
    await store.close();
    return;
  }

  const running: RunningPlatform[] = [];
  // Background work that posts on its own (daily-post scheduler, study timers): push a Stoppable here; on
  // SIGTERM it is stopped first, finishing the post in flight while the platforms can still send it.
  const workers: Stoppable[] = [];
  // One HTTP server on PORT: /healthz and /metrics here, the Telegram webhook mounts its path on it.
  const http = await listen(config.PORT, logger);
  if (!http) {
    await store.close();
    return;
  }
  // SIGTERM/SIGINT: workers, then platforms (stop taking updates, finish replies), then HTTP, then the store.
  const shutdown = installShutdown({ workers, platforms: running, http, store, logger });
  if (questionLog) {
    questionLog.start();
    workers.push({ name: 'question-log', stop: () => questionLog.stop() });
  }
  stopAll = (reason) => void shutdown.shutdown(reason, 1);
  // A platform still starting counts as disconnected.
  const platformHealth = enabled.map((name) => ({
    name,
    isConnected: () => running.find((p) => p.name === name)?.isConnected() ?? false,
    status: () => {
      const p = running.find((r) => r.name === name);
      return p ? (p.status?.() ?? (p.isConnected() ? 'connected' : 'disconnected')) : 'disconnected';
    },
  }));
  mountOpsRoutes(http, { store, platforms: platformHealth, dailyPosts: () => dailyPostsHealth(core.dailyPosts), stopping: shutdown.isStopping }, metrics);

  // A platform that cannot go on (Telegram refused the token) stops the whole bot, gracefully, with exit code 1.
  const deps = { core, config, logger, http, onFatal: (reason: string) => void shutdown.shutdown(reason, 1) };
  try {
    // Platform code loads only when its token is set, so a terminal session never pays for it.
    if (config.TELEGRAM_BOT_TOKEN) running.push(await (await import('./adapters/telegram/start-telegram.js')).startTelegram(deps));
    if (discord) running.push(await (await import('./adapters/discord/start-discord.js')).startDiscord(deps));
  } catch (error) {
    // Start errors carry no token (TelegramStartError and discord.js's login errors name the problem only).
    logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'start failed');
    await shutdown.shutdown('start failed', 1);
    return;
  }
  // Study sessions interrupted by the restart resume (or end with their leaderboard) once the platforms can post.
  if (core.study) {
    const study = core.study;
    await study.resume((platform) => core.messengers.has(platform));
    // Other instances' sessions whose owner died are taken over here (and this one's renewed).
    if (store.shared) study.startSweeps((platform) => core.messengers.has(platform));
    workers.push({ name: 'study', stop: async () => (study.close(), await study.idle(), await study.releaseTimers()) });
  }
  const posts = startDailyPosts();
  if (posts) workers.push(posts);
  workers.push(startHousekeeping(store, systemClock, logger));
  logger.info({ platforms: running.map((p) => p.name), port: http.port }, 'bot started');
}

await main().catch((error: unknown) => {
  // Before the logger exists (or after it failed): one line on standard error, without a stack.
  console.error(`start failed: ${errorFields(error).name}: ${errorFields(error).message}`);
  process.exitCode = 1;
});
