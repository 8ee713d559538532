import type { AutocompleteInteraction } from 'discord.js';
import type { HandlerContext } from '../chat-port.js';
import { languageFor } from '../../../core/chat/chat-service.js';
import { chatRequestOf } from '../request.js';
import { LIMITS, truncate } from '../text-limits.js';

/** Suggests questions from the fact base while the user types an autocomplete option, best first. */
export async function handleAutocomplete(ctx: HandlerContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const def = ctx.definitions.find((d) => d.name === interaction.commandName);
  if (!def?.args.some((a) => a.name === focused.name && a.autocomplete)) {
    await interaction.respond([]);
    return;
  }
  const found = await ctx.chat.autocomplete(String(focused.value), languageFor(chatRequestOf(interaction), 'member'), LIMITS.choices);
  const choices = found
    .map((c) => ({ name: truncate(c.label.trim(), LIMITS.choiceName), value: truncate(c.value.trim(), LIMITS.choiceValue) }))
    .filter((c) => c.name && c.value)
    .slice(0, LIMITS.choices);
  await interaction.respond(choices);
}
