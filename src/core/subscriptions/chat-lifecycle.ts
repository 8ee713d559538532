import type { ChatAddress } from '../messenger.js';
import type { Store } from '../store/store.js';

/** The bot was removed or blocked: the chat is paused and its subscription inactive, in one transaction. */
export function pauseChat(store: Store, address: ChatAddress): void {
  store.transaction(() => {
    store.chats.setPaused(address, true);
    store.subscriptions.setActive(address, false);
  });
}

/** The bot is back in the chat: it and its subscription (if any) resume. */
export function resumeChat(store: Store, address: ChatAddress): void {
  store.transaction(() => {
    if (store.chats.get(address)?.paused) store.chats.setPaused(address, false);
    store.subscriptions.setActive(address, true);
  });
}
