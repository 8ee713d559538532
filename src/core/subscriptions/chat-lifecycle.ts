import type { ChatAddress } from '../messenger.js';
import type { Store } from '../store/store.js';

/** The bot was removed or blocked: the chat is paused and its subscription inactive, in one transaction. */
export function pauseChat(store: Store, address: ChatAddress): Promise<void> {
  return store.transaction(async () => {
    await store.chats.setPaused(address, true);
    await store.subscriptions.setActive(address, false);
  });
}

/** The bot is back in the chat: it and its subscription (if any) resume. */
export function resumeChat(store: Store, address: ChatAddress): Promise<void> {
  return store.transaction(async () => {
    if ((await store.chats.get(address))?.paused) await store.chats.setPaused(address, false);
    await store.subscriptions.setActive(address, true);
  });
}
