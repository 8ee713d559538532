/**
 * The bot's one HTTP server (node:http) on PORT: /healthz, /metrics, and the Telegram webhook when that is
 * on. Routes are mounted by exact path, so each part of the app adds its own and removes it when it stops.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../core/ports.js';

/** Handles one request on a mounted path; a rejection is logged and answered with 500. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Where routes are mounted (what platform adapters receive). */
export interface HttpRoutes {
  /** Serves `path` (exact match, query ignored) with `handler`; returns a function that removes the route. */
  route(path: string, handler: RouteHandler): () => void;
}

/** A listening server. */
export interface HttpServer extends HttpRoutes {
  /** The port actually bound (useful when 0 was asked for). */
  readonly port: number;
  isListening(): boolean;
  /** Stops accepting connections and resolves once the requests in flight are answered. */
  close(): Promise<void>;
}

/** Options of {@link startHttpServer}. */
export interface HttpServerOptions {
  port: number;
  /** Interface to listen on; all by default (containers). */
  host?: string;
  logger: Logger;
}

/** Starts listening; rejects when the port cannot be bound. */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const routes = new Map<string, RouteHandler>();
  const inFlight = new Set<Promise<void>>();

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const task = (async () => handler(req, res))().catch((error: unknown) => {
      options.logger.error({ path, err: { name: error instanceof Error ? error.name : typeof error } }, 'http request failed');
      if (!res.headersSent) res.writeHead(500).end();
      else if (!res.writableEnded) res.end();
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  // Slow or idle clients must not hold a shutdown for long.
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port }, 'http server listening');

  let closed: Promise<void> | undefined;
  return {
    port,
    isListening: () => server.listening,
    route(path, handler) {
      if (routes.has(path)) throw new Error(`http route ${path} is already taken`);
      routes.set(path, handler);
      return () => {
        if (routes.get(path) === handler) routes.delete(path);
      };
    },
    close() {
      closed ??= (async () => {
        const done = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await Promise.allSettled([...inFlight]);
        server.closeAllConnections();
        await done;
      })();
      return closed;
    },
  };
}
