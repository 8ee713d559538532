import type { CoreServices } from '../app/core-services.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../core/ports.js';

/** What every platform adapter receives at start. */
export interface PlatformDeps {
  core: CoreServices;
  config: Config;
  logger: Logger;
}

/** A running platform connection. */
export interface RunningPlatform {
  name: 'telegram' | 'discord';
  /** Whether the platform is connected now (for health checks). */
  isConnected(): boolean;
  /** Stops taking updates, finishes the replies in flight, disconnects. */
  stop(): Promise<void>;
}
