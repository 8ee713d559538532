import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { CoreServices } from '../../../src/app/core-services.js';
import type { Logger } from '../../../src/core/ports.js';
import type { TelegramHooks } from '../../../src/adapters/telegram/bot-deps.js';
import { createBot } from '../../../src/adapters/telegram/create-bot.js';
import { apiStub, BOT_INFO, type ApiCall, type Override } from './api-stub.js';
import { FAKE_TOKEN } from './core.js';

/** The real bot with every API call answered by the stub, fed updates with `handleUpdate`. */
export interface OfflineBot {
  bot: Bot;
  calls: ApiCall[];
  sent: (chatId: number) => ApiCall[];
  handle: (update: Omit<Update, 'update_id'>) => Promise<void>;
}

let updateId = 1;

export async function offlineBot(core: CoreServices, logger: Logger, options: { hooks?: Partial<TelegramHooks>; override?: Override } = {}): Promise<OfflineBot> {
  const stub = apiStub({ mode: 'offline', override: options.override });
  const bot = createBot({ core, logger }, { token: FAKE_TOKEN, hooks: options.hooks, transformers: [stub.transformer] });
  await bot.init();
  return {
    bot,
    calls: stub.calls,
    sent: (chatId) => stub.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId),
    handle: (update) => bot.handleUpdate({ update_id: updateId++, ...update }),
  };
}

/** A Telegram user as updates carry it. */
export function person(id: number, languageCode = 'en') {
  return { id, is_bot: false as const, first_name: 'Aigerim', language_code: languageCode };
}

/** A text message update, as Telegram sends it. */
export function textMessage(chat: { id: number; type: 'private' | 'group' | 'supergroup' }, from: ReturnType<typeof person>, text: string, messageId = 1) {
  const entities = /^\/\w+/.exec(text) ? [{ type: 'bot_command' as const, offset: 0, length: /^\/\S+/.exec(text)![0].length }] : undefined;
  const chatObject = chat.type === 'private' ? { id: chat.id, type: 'private' as const, first_name: 'Aigerim' } : { id: chat.id, type: chat.type, title: 'Reform readers' };
  return { message: { message_id: messageId, date: 1_700_000_000, chat: chatObject, from, text, ...(entities ? { entities } : {}) } };
}

export { BOT_INFO };
