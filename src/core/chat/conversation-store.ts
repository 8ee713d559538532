import type { Clock } from '../ports.js';
import type { ConversationContext } from '../resolver/types.js';

/** Remembers what each chat talked about last, so follow-up questions work. */
export interface ConversationStore {
  get(chatId: string): ConversationContext | undefined;
  set(chatId: string, context: ConversationContext): void;
  /** Moves a chat's context to a new id (a Telegram group that became a supergroup). */
  rename(oldChatId: string, newChatId: string): void;
}

/**
 * Conversation contexts in memory, forgotten after `ttlMs` (a follow-up an hour later is a new question)
 * and capped in number, oldest first.
 */
export class MemoryConversationStore implements ConversationStore {
  private readonly items = new Map<string, { context: ConversationContext; at: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 30 * 60_000,
    private readonly maxChats = 50_000,
  ) {}

  get(chatId: string): ConversationContext | undefined {
    const item = this.items.get(chatId);
    if (!item) return undefined;
    if (this.clock.now().getTime() - item.at > this.ttlMs) {
      this.items.delete(chatId);
      return undefined;
    }
    return item.context;
  }

  set(chatId: string, context: ConversationContext): void {
    this.items.delete(chatId);
    this.items.set(chatId, { context, at: this.clock.now().getTime() });
    if (this.items.size > this.maxChats) {
      const oldest = this.items.keys().next().value;
      if (oldest !== undefined) this.items.delete(oldest);
    }
  }

  rename(oldChatId: string, newChatId: string): void {
    const item = this.items.get(oldChatId);
    if (!item) return;
    this.items.delete(oldChatId);
    this.items.set(newChatId, item);
  }
}
