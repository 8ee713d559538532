import type { Interaction } from 'discord.js';
import type { HandlerContext } from '../chat-port.js';
import { isHarmlessDiscordError, safeError } from '../errors.js';
import { chatRequestOf, interactionContext } from '../request.js';
import { Responder } from '../responder.js';
import { handleAutocomplete } from './autocomplete.js';
import { handleCommand } from './command.js';
import { handleComponent } from './component.js';

/** The handler for every interaction: routes it by kind, and is the one place where errors are handled. */
export function createInteractionHandler(ctx: HandlerContext): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    const responder = interaction.isRepliable() ? new Responder(interaction) : undefined;
    // One child logger per interaction: every line it causes names the interaction and its channel.
    const logger = ctx.logger.child({ interactionId: interaction.id, chatId: interaction.channelId ?? undefined });
    logger.debug({ type: interaction.type, guildId: interaction.guildId ?? undefined }, 'discord interaction');
    const scoped: HandlerContext = { ...ctx, logger };
    try {
      if (interaction.isAutocomplete()) await handleAutocomplete(scoped, interaction);
      else if (interaction.isChatInputCommand() && responder) await handleCommand(scoped, interaction, responder);
      else if ((interaction.isButton() || interaction.isStringSelectMenu()) && responder) await handleComponent(scoped, interaction, responder);
    } catch (error) {
      await handleError(ctx, interaction, responder, error);
    }
  };
}

/**
 * Logs a failed interaction with its context (never the token or the user's text) and apologizes to
 * the user privately. Discord's harmless answers (the interaction expired or was already answered)
 * leave nothing to apologize for, so they are only noted at debug level.
 */
async function handleError(ctx: HandlerContext, interaction: Interaction, responder: Responder | undefined, error: unknown): Promise<void> {
  const context = interactionContext(interaction);
  if (isHarmlessDiscordError(error)) {
    ctx.logger.debug({ ...context, err: safeError(error) }, 'discord interaction no longer answerable');
    return;
  }
  ctx.logger.error({ ...context, chatId: interaction.channelId ?? undefined, acknowledged: responder?.acknowledged ?? false, err: safeError(error) }, 'discord interaction failed');
  ctx.metrics?.error('discord_interaction');
  if (!responder) return;
  try {
    await responder.note(ctx.i18n.t(await ctx.chat.langOf(chatRequestOf(interaction)), 'error-apology'));
  } catch (second) {
    if (!isHarmlessDiscordError(second)) ctx.logger.warn({ ...context, err: safeError(second) }, 'discord apology failed');
  }
}
