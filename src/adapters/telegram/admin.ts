/** Whether the sender of an update administers its chat, for commands that are admin-only or check it. */
import type { Context } from 'grammy';
import type { CommandDefinition } from '../../core/commands/definitions.js';

/** Whether a command needs to know if the user is an administrator. */
export function needsAdminCheck(def: CommandDefinition | undefined): boolean {
  return def !== undefined && (def.adminOnly || def.checksAdmin === true);
}

/**
 * Private chats: always (it is the user's own chat). A message sent on behalf of the group itself
 * (`sender_chat` equal to the chat: an anonymous administrator) counts as an administrator. Otherwise
 * `getChatMember`: the creator or an administrator. A failed lookup counts as "not an administrator".
 */
export async function isTelegramAdmin(ctx: Context): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat) return false;
  if (chat.type === 'private') return true;
  if (ctx.msg?.sender_chat?.id === chat.id) return true;
  const userId = ctx.from?.id;
  if (userId === undefined) return false;
  try {
    const member = await ctx.api.getChatMember(chat.id, userId);
    return member.status === 'creator' || member.status === 'administrator';
  } catch {
    return false;
  }
}
