import { createServer } from 'node:net';
import type { Bot } from 'grammy';
import type { InlineKeyboardMarkup, MessageEntity } from 'grammy/types';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import type { CoreServices } from '../../../src/app/core-services.js';
import type { Logger } from '../../../src/core/ports.js';
import type { TelegramHooks } from '../../../src/adapters/telegram/bot-deps.js';
import { createBot } from '../../../src/adapters/telegram/create-bot.js';
import { startPolling, type Polling } from '../../../src/adapters/telegram/polling.js';
import { apiStub, type ApiCall, type Override } from './api-stub.js';
import { FAKE_TOKEN } from './core.js';
import { fastPace } from './fast-pace.js';

/** The emulator's stored JSON as a plain record (its declared types come from `typegram`, not installed here). */
function toRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The bot user telegram-test-api's getMe reports. */
export const EMULATOR_BOT = { id: 666, username: 'TestNameBot' };

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A message the bot sent, as the emulator stored it. */
export interface SentMessage {
  messageId: number;
  chatId: number;
  text: string;
  parseMode?: string;
  replyTo?: number;
  keyboard?: InlineKeyboardMarkup['inline_keyboard'];
}

/** A person in a chat, who can type, run commands and press buttons. */
export interface TestUser {
  /** Sends a text message; returns its message id. */
  say(text: string, extra?: { entities?: MessageEntity[]; replyTo?: SentMessage }): Promise<number>;
  /** Sends a command (with its bot_command entity, as Telegram marks it); returns its message id. */
  command(text: string): Promise<number>;
  press(message: SentMessage, data: string): Promise<void>;
}

/** telegram-test-api on a loopback port. */
export class Emulator {
  private constructor(
    readonly server: TelegramServer,
    readonly apiRoot: string,
  ) {}

  static async start(): Promise<Emulator> {
    // The emulator maps port 0 to its default 9000, so a free port is picked first.
    const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
    await server.start();
    return new Emulator(server, server.config.apiURL);
  }

  /** Everything the bot sent to a chat, oldest first. */
  sent(chatId: number): SentMessage[] {
    return this.server.storage.botMessages
      .map((m) => ({ messageId: m.messageId, botToken: m.botToken, msg: toRecord(m.message) }))
      .filter((m) => m.botToken === FAKE_TOKEN && Number(m.msg.chat_id) === chatId)
      .map(({ messageId, msg }) => {
        const markup = msg.reply_markup as InlineKeyboardMarkup | undefined;
        const params = msg.reply_parameters as { message_id?: number } | undefined;
        return {
          messageId,
          chatId,
          text: String(msg.text),
          parseMode: msg.parse_mode as string | undefined,
          replyTo: params?.message_id,
          keyboard: markup?.inline_keyboard,
        };
      });
  }

  /** Waits until the bot has sent `count` messages to the chat in all, and returns them. */
  async waitForSent(chatId: number, count: number): Promise<SentMessage[]> {
    for (let waited = 0; waited < 10_000; waited += 20) {
      const sent = this.sent(chatId);
      if (sent.length >= count) return sent;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`the bot sent ${this.sent(chatId).length} messages to chat ${chatId}, expected ${count}`);
  }

  /** Waits until the bot's message `messageId` in the chat reads differently from `before` (an edit), and returns it. */
  async waitForEdit(chatId: number, messageId: number, before: string): Promise<SentMessage> {
    for (let waited = 0; waited < 10_000; waited += 20) {
      const message = this.sent(chatId).find((m) => m.messageId === messageId);
      if (message && message.text !== before) return message;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`the bot did not edit message ${messageId} in chat ${chatId}`);
  }

  /** A user in a chat. */
  user(options: { chatId: number; userId: number; type: 'private' | 'group' | 'supergroup'; languageCode?: string; name?: string }): TestUser {
    const client = this.server.getClient(FAKE_TOKEN, {
      chatId: options.chatId,
      userId: options.userId,
      type: options.type,
      firstName: options.name ?? 'Aigerim',
      userName: `user${options.userId}`,
      chatTitle: 'Reform readers',
    });
    // A fresh object every time: the emulator's client shares its `from` between calls.
    const from = () => ({
      id: options.userId,
      is_bot: false,
      first_name: options.name ?? 'Aigerim',
      username: `user${options.userId}`,
      ...(options.languageCode ? { language_code: options.languageCode } : {}),
    });
    const chat = () => ({ id: options.chatId, type: options.type, title: 'Reform readers', first_name: 'Aigerim' });
    return {
      say: async (text, extra = {}) => {
        const replyTo = extra.replyTo
          ? { message_id: extra.replyTo.messageId, date: 0, chat: chat(), from: { id: EMULATOR_BOT.id, is_bot: true, first_name: 'Bot', username: EMULATOR_BOT.username }, text: extra.replyTo.text }
          : undefined;
        // The emulator's types refer to `typegram`, which is not installed; its JSON is what matters.
        await client.sendMessage(client.makeMessage(text, { from: from(), ...(extra.entities ? { entities: extra.entities } : {}), ...(replyTo ? { reply_to_message: replyTo } : {}) }));
        return this.lastUserMessageId();
      },
      command: async (text) => {
        const command: unknown = client.makeCommand(text, { from: from() });
        await client.sendCommand(command);
        return this.lastUserMessageId();
      },
      press: async (message, data) => {
        const query = client.makeCallbackQuery(data, { message: { message_id: message.messageId, chat: chat(), from: { id: EMULATOR_BOT.id, is_bot: true, first_name: 'Bot' } } }) as { from: unknown };
        // Set after building: the emulator's deep merge shares one object between `from` and `message.from`.
        query.from = from();
        await client.sendCallback(query as Parameters<typeof client.sendCallback>[0]);
      },
    };
  }

  private lastUserMessageId(): number {
    const last = this.server.storage.userMessages[this.server.storage.userMessages.length - 1];
    if (!last) throw new Error('the emulator stored no user message');
    return last.messageId;
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }
}

/** The real bot (createBot + startPolling) polling the emulator. */
export interface PollingBot {
  emulator: Emulator;
  bot: Bot;
  polling: Polling;
  calls: ApiCall[];
  stop(): Promise<void>;
}

/** Starts the emulator and the bot polling it, as production does (runner, auto-retry, error boundary). */
export async function startPollingBot(core: CoreServices, logger: Logger, options: { hooks?: Partial<TelegramHooks>; override?: Override } = {}): Promise<PollingBot> {
  const emulator = await Emulator.start();
  const stub = apiStub({ mode: 'emulator', override: options.override });
  const bot = createBot({ core, logger }, { token: FAKE_TOKEN, apiRoot: emulator.apiRoot, hooks: options.hooks, transformers: [stub.transformer], outbox: fastPace() });
  await bot.init();
  // Timeout 0: the emulator answers getUpdates at once anyway; the stub spaces the calls out.
  const polling = startPolling(bot, logger, FAKE_TOKEN, { timeoutSeconds: 0 });
  return {
    emulator,
    bot,
    polling,
    calls: stub.calls,
    stop: async () => {
      await polling.stop();
      await emulator.stop();
    },
  };
}
