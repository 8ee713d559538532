import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { ChatRequest } from '../../core/chat/chat-service.js';
import type { Lang } from '../../core/facts/schema.js';

/**
 * The interface language for a Discord locale. Discord's Russian locale is `ru`; it has no Kazakh locale,
 * so everyone else gets English (the core still answers Kazakh questions in Kazakh).
 */
export function langOfLocale(locale: string | null | undefined): Lang | undefined {
  // Discord has no Kazakh locale: any other locale leaves the choice to the chat's setting (then English).
  if (locale === 'ru') return 'ru';
  if (locale?.startsWith('en')) return 'en';
  return undefined;
}

/** Who asks and where, in the core's terms: servers are group chats, DMs private ones. */
export function chatRequestOf(interaction: BaseInteraction): ChatRequest {
  return {
    platform: 'discord',
    // A DM interaction always has a channel id; the user id is a stable fallback for odd payloads.
    chatId: interaction.channelId ?? interaction.user.id,
    userId: interaction.user.id,
    chatKind: interaction.inGuild() ? 'group' : 'private',
    userLang: langOfLocale(interaction.locale),
    // For leaderboards: the server nickname, else the display name, else the username.
    userName: memberNick(interaction) ?? interaction.user.globalName ?? interaction.user.username,
    // The bot hears only slash commands (no message content intent).
    groupHearing: 'commands',
  };
}

/** Whether the member may use admin-only commands: Manage Server (or Administrator) in this server. */
export function isServerAdmin(interaction: BaseInteraction): boolean {
  return interaction.inGuild() && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false);
}

/** Log fields that identify an interaction without any user text or token. */
export function interactionContext(interaction: BaseInteraction): Record<string, unknown> {
  const base = { interactionId: interaction.id, type: interaction.type, guildId: interaction.guildId ?? undefined };
  if (interaction.isCommand() || interaction.isAutocomplete()) return { ...base, command: interaction.commandName };
  // Custom ids are our own button data (fact and topic ids), never user text.
  if (interaction.isMessageComponent()) return { ...base, customId: interaction.customId };
  return base;
}

/** The member's nickname in this server, when the interaction carries one. */
function memberNick(interaction: BaseInteraction): string | undefined {
  const member = interaction.member;
  if (!member) return undefined;
  const nick = 'nick' in member ? member.nick : undefined;
  return typeof nick === 'string' && nick ? nick : undefined;
}
