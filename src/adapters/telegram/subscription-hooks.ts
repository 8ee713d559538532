/** Telegram's chat lifecycle events applied to the store: pause, resume, and follow a migrated group. */
import type { CoreServices } from '../../app/core-services.js';
import { moveChat } from '../../core/store/chat-move.js';
import { pauseChat, resumeChat } from '../../core/subscriptions/chat-lifecycle.js';
import type { TelegramHooks } from './bot-deps.js';

/** Hooks that keep subscriptions in step with the bot's membership; no-ops without a store. */
export function subscriptionHooks(core: Pick<CoreServices, 'store'>): TelegramHooks {
  return {
    onChatUnavailable: async (chatId) => {
      if (core.store) await pauseChat(core.store, { platform: 'telegram', chatId });
    },
    onChatAvailable: async (chatId) => {
      if (core.store) await resumeChat(core.store, { platform: 'telegram', chatId });
    },
    onChatMigrated: async (oldChatId, newChatId) => {
      if (core.store) await moveChat(core.store, { platform: 'telegram', chatId: oldChatId }, newChatId);
    },
  };
}
