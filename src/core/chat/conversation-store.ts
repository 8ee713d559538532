import type { Clock } from '../ports.js';
import type { ConversationContext } from '../resolver/types.js';

/**
 * Remembers what each chat talked about last, so follow-up questions work. With several instances it is kept
 * in the shared database (each store implements it), so a follow-up works whichever instance receives it.
 */
export interface ConversationStore {
  get(chatKey: string): Promise<ConversationContext | undefined>;
  set(chatKey: string, context: ConversationContext): Promise<void>;
  /** Moves a chat's context to a new key (a Telegram group that became a supergroup). */
  rename(oldChatKey: string, newChatKey: string): Promise<void>;
}

/** How long a conversation context is remembered: a follow-up an hour later is a new question. */
export const CONVERSATION_TTL_MS = 30 * 60_000;

/**
 * A conversation context as stored: what the chat talked about, and until when (epoch ms) it counts. Stores
 * keep this shape so that expiry is one rule (see {@link liveContext}).
 */
export interface StoredContext {
  context: ConversationContext;
  expiresAt: number;
}

/** The context of a stored entry, or undefined when it expired. */
export function liveContext(entry: StoredContext | undefined, now: number): ConversationContext | undefined {
  return entry && entry.expiresAt > now ? entry.context : undefined;
}

/**
 * Conversation contexts as a store keeps them: one entry per chat key, written with its expiry. The core's
 * {@link ExpiringConversations} reads and writes through it.
 */
export interface ConversationRepository {
  get(chatKey: string): Promise<StoredContext | undefined>;
  put(chatKey: string, entry: StoredContext): Promise<void>;
  rename(oldChatKey: string, newChatKey: string): Promise<void>;
  /** Deletes entries expired at `now`; returns how many. */
  purge(now: number): Promise<number>;
}

/** Conversation contexts in a repository (the shared database), forgotten after `ttlMs`. */
export class ExpiringConversations implements ConversationStore {
  constructor(
    private readonly repo: ConversationRepository,
    private readonly clock: Clock,
    private readonly ttlMs = CONVERSATION_TTL_MS,
  ) {}

  async get(chatKey: string): Promise<ConversationContext | undefined> {
    return liveContext(await this.repo.get(chatKey), this.clock.now().getTime());
  }

  set(chatKey: string, context: ConversationContext): Promise<void> {
    return this.repo.put(chatKey, { context, expiresAt: this.clock.now().getTime() + this.ttlMs });
  }

  rename(oldChatKey: string, newChatKey: string): Promise<void> {
    return this.repo.rename(oldChatKey, newChatKey);
  }
}

/**
 * Conversation contexts in memory (no store: the terminal try-out, tests), forgotten after `ttlMs` and capped
 * in number, oldest first.
 */
export class MemoryConversationStore implements ConversationStore {
  private readonly items = new Map<string, StoredContext>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = CONVERSATION_TTL_MS,
    private readonly maxChats = 50_000,
  ) {}

  get(chatKey: string): Promise<ConversationContext | undefined> {
    const entry = this.items.get(chatKey);
    const context = liveContext(entry, this.clock.now().getTime());
    if (entry && !context) this.items.delete(chatKey);
    return Promise.resolve(context);
  }

  set(chatKey: string, context: ConversationContext): Promise<void> {
    this.items.delete(chatKey);
    this.items.set(chatKey, { context, expiresAt: this.clock.now().getTime() + this.ttlMs });
    if (this.items.size > this.maxChats) {
      const oldest = this.items.keys().next().value;
      if (oldest !== undefined) this.items.delete(oldest);
    }
    return Promise.resolve();
  }

  rename(oldChatKey: string, newChatKey: string): Promise<void> {
    const item = this.items.get(oldChatKey);
    if (item) {
      this.items.delete(oldChatKey);
      this.items.set(newChatKey, item);
    }
    return Promise.resolve();
  }
}
