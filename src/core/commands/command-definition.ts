import type { LocalizedText } from '../facts/schema.js';

/** One argument of a command. */
export interface CommandArgument {
  name: string;
  description: LocalizedText;
  type: 'string' | 'integer';
  required: boolean;
  /** Offer completions while the user types (Discord autocomplete). */
  autocomplete?: boolean;
}

/**
 * A command as every platform shows it: Telegram's command menu, Discord's slash commands and the
 * terminal's `/help` are all generated from these definitions.
 */
export interface CommandDefinition {
  name: string;
  /** One line for menus (Telegram allows 256 characters, Discord 100). */
  description: LocalizedText;
  /** Arguments in order; on Telegram they follow the command as text. */
  args: CommandArgument[];
  /** Where the command makes sense. */
  scope: 'everywhere' | 'private' | 'group';
  /** Only chat administrators (Discord: Manage Server) may use it. */
  adminOnly: boolean;
  /**
   * The command's rules depend on whether the user is an administrator (e.g. `/next` by the session's starter
   * or an admin): adapters then fill {@link ChatRequest.isAdmin} in groups. Implied by `adminOnly`.
   */
  checksAdmin?: boolean;
}

/** A command definition with the usual defaults: no arguments, everywhere, for every member. */
export function command(name: string, description: LocalizedText, options: Partial<Omit<CommandDefinition, 'name' | 'description'>> = {}): CommandDefinition {
  return { name, description, args: [], scope: 'everywhere', adminOnly: false, ...options };
}

/** An argument with the usual defaults: optional text. */
export function argument(name: string, description: LocalizedText, options: Partial<Omit<CommandArgument, 'name' | 'description'>> = {}): CommandArgument {
  return { name, description, type: 'string', required: false, ...options };
}
