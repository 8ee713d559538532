/** Webhook mode: a node:http server that hands Telegram's POSTs to grammY, checking the secret header. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from '../../core/ports.js';
import { describeError, sanitize } from './errors.js';

/** Options of {@link startWebhookServer}. */
export interface WebhookServerOptions {
  bot: Bot;
  /** The public webhook URL; the server answers on its path only. */
  url: string;
  port: number;
  /** Interface to listen on; all by default (containers). */
  host?: string;
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token; requests without it get 401. */
  secretToken: string;
  logger: Logger;
  /** For redacting error text. */
  token: string;
}

/** A listening webhook server. */
export interface WebhookServer {
  /** The port actually bound (useful when 0 was asked for). */
  port: number;
  isListening(): boolean;
  /** Stops accepting requests and resolves once the updates in flight are handled. */
  close(): Promise<void>;
}

/**
 * Starts the server. Updates are handled while Telegram waits for the response, so a reply is sent before
 * the update is acknowledged; past 50 s (Telegram gives up at about 60 and would send the update again) the
 * request is acknowledged and handling goes on.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const path = new URL(options.url).pathname;
  const handle = webhookCallback(options.bot, 'http', { secretToken: options.secretToken, onTimeout: 'return', timeoutMilliseconds: 50_000 });
  const inFlight = new Set<Promise<void>>();

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const requestPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || requestPath !== path) {
      res.writeHead(404).end();
      return;
    }
    const task = handle(req, res).catch((error: unknown) => {
      options.logger.error({ err: describeError(error, options.token) }, 'telegram webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  };

  const server = createServer(onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  // Some deployments put the token in the path; it must not reach the log.
  options.logger.info({ port, path: sanitize(path, options.token) }, 'telegram webhook server listening');

  return {
    port,
    isListening: () => server.listening,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await closed;
    },
  };
}
