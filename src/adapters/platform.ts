import type { CoreServices } from '../app/core-services.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../core/ports.js';
import type { HttpServer } from '../infra/http/http-server.js';

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
}

/** A running platform connection. */
export interface RunningPlatform {
  name: 'telegram' | 'discord';
  /** Whether the platform is connected now (for health checks). */
  isConnected(): boolean;
  /** Stops taking updates, finishes the replies in flight, disconnects. */
  stop(): Promise<void>;
}
