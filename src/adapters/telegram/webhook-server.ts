/**
 * Webhook mode: a route on the bot's HTTP server (shared with /healthz and /metrics) that hands Telegram's
 * POSTs to grammY, checking the secret header; or, standalone, a server of its own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from '../../core/ports.js';
import { startHttpServer, type HttpRoutes } from '../../infra/http/http-server.js';
import { describeError, sanitize } from './errors.js';

/** Options of {@link mountWebhook}. */
export interface WebhookRouteOptions {
  bot: Bot;
  /** The public webhook URL; the route is its path. */
  url: string;
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token; requests without it get 401. */
  secretToken: string;
  logger: Logger;
  /** For redacting error text. */
  token: string;
}

/** Options of {@link startWebhookServer}. */
export interface WebhookServerOptions extends WebhookRouteOptions {
  port: number;
  /** Interface to listen on; all by default (containers). */
  host?: string;
}

/** The webhook route on a server. */
export interface WebhookRoute {
  isMounted(): boolean;
  /** Removes the route (later POSTs get 404, which Telegram retries) and resolves once the updates in flight are handled. */
  stop(): Promise<void>;
}

/**
 * Mounts the webhook on `http`. Updates are handled while Telegram waits for the response, so a reply is
 * sent before the update is acknowledged; past 50 s (Telegram gives up at about 60 and would send the update
 * again) the request is acknowledged and handling goes on.
 */
export function mountWebhook(http: HttpRoutes, options: WebhookRouteOptions): WebhookRoute {
  const path = new URL(options.url).pathname;
  const handle = webhookCallback(options.bot, 'http', { secretToken: options.secretToken, onTimeout: 'return', timeoutMilliseconds: 50_000 });
  const inFlight = new Set<Promise<void>>();

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const task = handle(req, res).catch((error: unknown) => {
      options.logger.error({ err: describeError(error, options.token) }, 'telegram webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    return task;
  };

  const unmount = http.route(path, onRequest);
  // Some deployments put the token in the path; it must not reach the log.
  options.logger.info({ path: sanitize(path, options.token) }, 'telegram webhook mounted');
  let mounted = true;
  return {
    isMounted: () => mounted,
    stop: async () => {
      mounted = false;
      unmount();
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** A listening webhook server. */
export interface WebhookServer {
  /** The port actually bound (useful when 0 was asked for). */
  port: number;
  isListening(): boolean;
  /** Stops accepting requests and resolves once the updates in flight are handled. */
  close(): Promise<void>;
}

/** Starts a server of its own with only the webhook on it (the bot's main shares its server instead). */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const server = await startHttpServer({ port: options.port, host: options.host, logger: options.logger });
  const route = mountWebhook(server, options);
  return {
    port: server.port,
    isListening: () => server.isListening(),
    close: async () => {
      await route.stop();
      await server.close();
    },
  };
}
