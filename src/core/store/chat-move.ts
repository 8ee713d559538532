import type { ChatAddress } from '../messenger.js';
import type { ChatKeyed } from './chat-settings.js';
import type { Store } from './store.js';

/** Every repository of a store that keeps rows under a chat's address. */
function chatKeyed(store: Store): ChatKeyed[] {
  return [store.chats, store.subscriptions, store.study, store.dailyAnswers];
}

/**
 * Moves everything stored under a chat to its new id (a Telegram group became a supergroup), in one
 * transaction: a chat is never half moved. Each repository moves its own rows (the conversation context is
 * the chat service's: see `ChatService.migrateChat`).
 */
export async function moveChat(store: Store, from: ChatAddress, toChatId: string): Promise<void> {
  await store.transaction(async () => {
    for (const repo of chatKeyed(store)) await repo.moveChat(from, toChatId);
  });
}
