/** Whether the sender of an update administers its chat, for commands that are admin-only or check it. */
import { GrammyError, type Context } from 'grammy';
import type { CommandDefinition } from '../../core/commands/definitions.js';
import type { BotDeps } from './bot-deps.js';
import { describeError } from './errors.js';

/** Whether a command needs to know if the user is an administrator. */
export function needsAdminCheck(def: CommandDefinition | undefined): boolean {
  return def !== undefined && (def.adminOnly || def.checksAdmin === true);
}

/**
 * Private chats: always (it is the user's own chat). A message sent on behalf of the group itself
 * (`sender_chat` equal to the chat: an anonymous administrator) counts as an administrator. Otherwise
 * `getChatMember`: the creator or an administrator; Telegram refusing the lookup for this user (400: not a
 * member) means not one. Undefined when the check could not be made (the network, a 5xx, a 429 that outlived
 * the retries): that is logged, and the caller tells the user rather than treating them as a plain member.
 */
export async function isTelegramAdmin(ctx: Context, deps: Pick<BotDeps, 'logger' | 'token'>): Promise<boolean | undefined> {
  const chat = ctx.chat;
  if (!chat) return false;
  if (chat.type === 'private') return true;
  if (ctx.msg?.sender_chat?.id === chat.id) return true;
  const userId = ctx.from?.id;
  if (userId === undefined) return false;
  try {
    const member = await ctx.api.getChatMember(chat.id, userId);
    return member.status === 'creator' || member.status === 'administrator';
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 400) return false;
    deps.logger.warn({ chatId: String(chat.id), err: describeError(error, deps.token) }, 'telegram admin check failed');
    return undefined;
  }
}
