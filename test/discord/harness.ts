/** Starts the real Discord adapter against {@link FakeDiscord}, with a logger that records everything. */
import { createCoreServices, type CoreServices } from '../../src/app/core-services.js';
import type { RunningPlatform } from '../../src/adapters/platform.js';
import { startDiscord, type DiscordOptions } from '../../src/adapters/discord/start-discord.js';
import { loadConfig } from '../../src/config/config.js';
import type { CommandDefinition } from '../../src/core/commands/definitions.js';
import { silentLogger, type Logger } from '../../src/core/ports.js';
import { systemClock } from '../../src/infra/system-clock.js';
import { sharedFacts } from '../support/shared-facts.js';
import { BOT_TOKEN, FakeDiscord, type RecordedCall } from './fake-discord.js';

/** One log entry, at any level including debug. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg?: string;
}

/** A Logger that keeps every entry (bindings of child loggers merged in). */
export function recordingLogger(entries: LogEntry[], bindings: Record<string, unknown> = {}): Logger {
  const at = (level: LogEntry['level']) => (obj: object, msg?: string) => entries.push({ level, obj: { ...bindings, ...obj }, msg });
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => recordingLogger(entries, { ...bindings, ...more }),
  };
}

let sharedCore: CoreServices | undefined;
/** The core over the real fact base (built once: loading and indexing the data takes a moment). */
export function realCore(): CoreServices {
  sharedCore ??= createCoreServices({ ...sharedFacts(), clock: systemClock, logger: silentLogger, rateLimit: { limit: 1000, windowMs: 60_000 } });
  return sharedCore;
}

/** A running bot and its fake Discord. */
export interface Harness {
  fake: FakeDiscord;
  bot: RunningPlatform;
  logs: LogEntry[];
  core: CoreServices;
  /** Sends an interaction through the gateway. */
  send(interaction: Record<string, unknown>): void;
  /** Resolves with the first call of `method` whose path contains the interaction's token. */
  callFor(interaction: { token: string }, method: string, pathFragment?: string): Promise<RecordedCall>;
  close(): Promise<void>;
}

/** Options of {@link startHarness}. */
export interface HarnessOptions extends DiscordOptions {
  env?: Record<string, string>;
  /** Prepares the fake before the bot connects (for example, commands already registered). */
  before?: (fake: FakeDiscord) => void;
  /** Another core (one with a store, for daily posts); the shared real core by default. */
  core?: CoreServices;
}

/** Starts a fake Discord and the bot connected to it. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start();
  options.before?.(fake);
  const logs: LogEntry[] = [];
  const core = options.core ?? realCore();
  const config = loadConfig({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_BASE_URL: fake.apiBaseUrl, ...options.env });
  let bot: RunningPlatform;
  try {
    // The fake does not enforce Discord's 3 s, so a core that is slow under load still answers in the first reply;
    // the tests of slow work set a short time themselves.
    bot = await startDiscord({ core, config, logger: recordingLogger(logs) }, { acknowledgeAfterMs: 10_000, ...options });
  } catch (e) {
    await fake.close();
    throw e;
  }
  return {
    fake,
    bot,
    logs,
    core,
    send: (interaction) => fake.dispatch('INTERACTION_CREATE', interaction),
    callFor: (interaction, method, pathFragment = '') =>
      fake.waitForCall((c) => c.method === method && c.path.includes(`/${interaction.token}`) && c.path.includes(pathFragment)),
    close: async () => {
      await bot.stop();
      await fake.close();
    },
  };
}

/** A message body as the bot sends it (create, edit or follow-up), loosely typed for assertions. */
export interface MessageBody {
  content?: string;
  flags?: number;
  embeds?: { description?: string; footer?: { text: string }; fields?: { name: string; value: string }[] }[];
  components?: { type: number; components: { type: number; custom_id: string; label?: string; options?: { label: string; value: string }[] }[] }[];
  allowed_mentions?: { parse?: string[] };
}

/** An interaction callback body. */
export interface CallbackBody {
  type: number;
  data?: MessageBody & { choices?: { name: string; value: string }[] };
}

/** The body of a message call. */
export function messageOf(call: RecordedCall): MessageBody {
  return call.body as MessageBody;
}

/** The body of an interaction callback. */
export function callbackOf(call: RecordedCall): CallbackBody {
  return call.body as CallbackBody;
}

/** Interaction callback types (Discord's InteractionResponseType). */
export const CALLBACK = { reply: 4, deferReply: 5, deferUpdate: 6, update: 7, autocomplete: 8 } as const;

/** The message flag of a reply only its user sees. */
export const EPHEMERAL = 64;

/** The first answer to an interaction, sent with its callback (a reply, or an update of the pressed message). */
export async function firstReply(h: Harness, interaction: { token: string }): Promise<CallbackBody & { data: MessageBody }> {
  const body = callbackOf(await h.callFor(interaction, 'POST', '/callback'));
  if (body.type !== CALLBACK.reply && body.type !== CALLBACK.update) throw new Error(`expected a first reply, got callback type ${body.type}`);
  return { ...body, data: body.data ?? {} };
}

/** A test-only admin command: the shared definitions have none yet. */
export const ADMIN_COMMAND: CommandDefinition = {
  name: 'settings',
  description: { en: 'Change the bot settings for this server', ru: 'Настройки бота для сервера', kk: 'Сервердегі бот баптаулары' },
  args: [],
  scope: 'group',
  adminOnly: true,
};
