import type { CoreServices } from '../app/core-services.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../core/ports.js';
import type { HttpServer } from '../infra/http/http-server.js';
import type { PlatformStatus } from '../infra/http/ops-routes.js';

/** What every platform adapter receives at start. */
export interface PlatformDeps {
  core: CoreServices;
  config: Config;
  logger: Logger;
  /**
   * The bot's HTTP server on PORT (/healthz, /metrics), for adapters that receive updates over HTTP (the
   * Telegram webhook mounts its path here). Without it such an adapter starts a server of its own.
   */
  http?: HttpServer;
  /**
   * Called when the platform cannot go on and the bot should stop (Telegram refused the token: 401); the bot
   * then shuts down gracefully with exit code 1. Without it, the platform just stops taking updates.
   */
  onFatal?: (reason: string) => void;
}

/** A running platform connection. */
export interface RunningPlatform {
  name: 'telegram' | 'discord';
  /** Whether the platform is connected now (for health checks). */
  isConnected(): boolean;
  /** Why it is not, when the platform can tell (a Telegram 409 conflict, a refused token). */
  status?(): PlatformStatus;
  /** Stops taking updates, finishes the replies in flight, disconnects. */
  stop(): Promise<void>;
}
