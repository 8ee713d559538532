/** The bot's own membership: removed or blocked, and groups that became supergroups. */
import { Composer, type Context } from 'grammy';
import { callHook, type BotDeps } from '../bot-deps.js';

/**
 * `my_chat_member` with status 'kicked' (removed, or blocked in a private chat) or 'left' reports the chat
 * through `onChatUnavailable`. A service message with `migrate_to_chat_id` moves the conversation state to
 * the supergroup's new id in the core and reports it through `onChatMigrated`. (The new supergroup also
 * gets a `migrate_from_chat_id` message; only one side is handled so the move happens once.)
 */
export function membershipHandlers(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('my_chat_member', async (ctx) => {
    const update = ctx.myChatMember;
    const chatId = String(update.chat.id);
    const status = update.new_chat_member.status;
    if (status === 'kicked' || status === 'left') {
      deps.logger.info({ chatId, chatType: update.chat.type, status }, 'telegram bot removed from chat');
      await callHook(deps, 'onChatUnavailable', (h) => h.onChatUnavailable(chatId));
      return;
    }
    deps.logger.info({ chatId, chatType: update.chat.type, status }, 'telegram bot membership changed');
    if (status === 'member' || status === 'administrator') await callHook(deps, 'onChatAvailable', (h) => h.onChatAvailable(chatId));
  });
  composer.on('message:migrate_to_chat_id', async (ctx) => {
    const oldChatId = String(ctx.chat.id);
    const newChatId = String(ctx.msg.migrate_to_chat_id);
    await deps.core.chat.migrateChat('telegram', oldChatId, newChatId);
    deps.logger.info({ oldChatId, newChatId }, 'telegram group migrated to a supergroup');
    await callHook(deps, 'onChatMigrated', (h) => h.onChatMigrated(oldChatId, newChatId));
  });
  return composer;
}
