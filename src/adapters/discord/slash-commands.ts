import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandArgument, CommandDefinition } from '../../core/commands/definitions.js';
import { LIMITS, truncate } from './text-limits.js';

/** A slash command as sent to `PUT /applications/:id/commands`. */
export type SlashCommandBody = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Where commands are registered: one server (fast, for development) or everywhere (global). */
export type CommandScope = 'global' | 'guild';

/** The permission bit that admin-only commands require: Manage Server. */
export const ADMIN_PERMISSION = PermissionFlagsBits.ManageGuild;

/**
 * Builds Discord's slash commands from the shared command definitions. Commands meant only for private
 * chats (Telegram's /start) have no Discord counterpart and are left out. English is the default text;
 * Russian is a localization. Discord has no Kazakh locale, so Kazakh descriptions are not sent.
 */
export function buildSlashCommands(definitions: readonly CommandDefinition[]): SlashCommandBody[] {
  return definitions.filter((d) => d.scope !== 'private').map(buildSlashCommand);
}

function buildSlashCommand(def: CommandDefinition): SlashCommandBody {
  // Discord rejects a required option that follows an optional one; keep the definition order otherwise.
  const args = [...def.args.filter((a) => a.required), ...def.args.filter((a) => !a.required)];
  const body: SlashCommandBody = {
    type: ApplicationCommandType.ChatInput,
    name: def.name,
    description: truncate(def.description.en, LIMITS.commandDescription),
    description_localizations: { ru: truncate(def.description.ru, LIMITS.commandDescription) },
    options: args.map(buildOption),
    // Where the command can be used (Discord's `contexts`, which replaced the deprecated `dm_permission`):
    // servers, and DMs with the bot, except group-only and admin-only commands (no one manages a server in a DM).
    contexts: def.scope !== 'group' && !def.adminOnly ? [InteractionContextType.Guild, InteractionContextType.BotDM] : [InteractionContextType.Guild],
    // The bot is installed to servers, not to users' accounts.
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
  // Discord hides the command from members without the bit; the handler checks again, since server
  // admins can override command permissions.
  if (def.adminOnly) body.default_member_permissions = ADMIN_PERMISSION.toString();
  return body;
}

function buildOption(arg: CommandArgument): APIApplicationCommandBasicOption {
  const common = {
    name: arg.name,
    description: truncate(arg.description.en, LIMITS.commandDescription),
    description_localizations: { ru: truncate(arg.description.ru, LIMITS.commandDescription) },
    required: arg.required,
  };
  return arg.type === 'integer'
    ? { ...common, type: ApplicationCommandOptionType.Integer, autocomplete: arg.autocomplete ?? false }
    : { ...common, type: ApplicationCommandOptionType.String, autocomplete: arg.autocomplete ?? false };
}

/**
 * Whether the commands registered on Discord already match ours. Discord answers with extra fields (ids,
 * versions, the deprecated `dm_permission`) and fills defaults (`required: false`, `null` localizations and
 * contexts), so both sides are normalized before comparing; the order of commands does not matter, the order
 * of options does. Commands registered with `dm_permission` and no `contexts` differ, and are replaced.
 */
export function commandsInSync(local: readonly object[], remote: readonly object[], scope: CommandScope): boolean {
  const norm = (list: readonly object[]) =>
    list
      .map((c) => normalizeCommand(c as Record<string, unknown>, scope))
      .sort((a, b) => a.localeCompare(b))
      .join('\n');
  return norm(local) === norm(remote);
}

/** One command reduced to the fields we set, with Discord's defaults filled in, as canonical JSON. */
function normalizeCommand(c: Record<string, unknown>, scope: CommandScope): string {
  return canonicalJson({
    type: c.type ?? ApplicationCommandType.ChatInput,
    name: c.name,
    description: c.description ?? '',
    name_localizations: localizations(c.name_localizations),
    description_localizations: localizations(c.description_localizations),
    default_member_permissions: c.default_member_permissions ?? null,
    // Guild commands never show in DMs: their contexts do not matter. Discord's default is servers and the bot's DMs.
    contexts: scope === 'guild' ? null : sortedNumbers(c.contexts, [InteractionContextType.Guild, InteractionContextType.BotDM]),
    integration_types: sortedNumbers(c.integration_types, [ApplicationIntegrationType.GuildInstall]),
    nsfw: c.nsfw ?? false,
    options: Array.isArray(c.options) ? c.options.map((o) => normalizeOption(o as Record<string, unknown>)) : [],
  });
}

function normalizeOption(o: Record<string, unknown>): unknown {
  return {
    type: o.type,
    name: o.name,
    description: o.description ?? '',
    name_localizations: localizations(o.name_localizations),
    description_localizations: localizations(o.description_localizations),
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    choices: o.choices ?? [],
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    channel_types: o.channel_types ?? [],
    options: Array.isArray(o.options) ? o.options.map((x) => normalizeOption(x as Record<string, unknown>)) : [],
  };
}

/** A list of enum values in a canonical order, or the default when Discord reports none (null). */
function sortedNumbers(value: unknown, fallback: readonly number[]): number[] {
  const list = Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [...fallback];
  return [...list].sort((a, b) => a - b);
}

function localizations(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** JSON with object keys sorted, so that equal values give equal strings whatever the key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
