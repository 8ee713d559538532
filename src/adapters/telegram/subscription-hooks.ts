/** Telegram's chat lifecycle events applied to the store: pause, resume, and follow a migrated group. */
import type { CoreServices } from '../../app/core-services.js';
import { pauseChat, resumeChat } from '../../core/subscriptions/chat-lifecycle.js';
import type { TelegramHooks } from './bot-deps.js';

/** Hooks that keep subscriptions in step with the bot's membership; no-ops without a store. */
export function subscriptionHooks(core: Pick<CoreServices, 'store'>): TelegramHooks {
  return {
    onChatUnavailable: (chatId) => {
      if (core.store) pauseChat(core.store, { platform: 'telegram', chatId });
    },
    onChatAvailable: (chatId) => {
      if (core.store) resumeChat(core.store, { platform: 'telegram', chatId });
    },
    onChatMigrated: (oldChatId, newChatId) => {
      core.store?.chats.migrate({ platform: 'telegram', chatId: oldChatId }, newChatId);
    },
  };
}
