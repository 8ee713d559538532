import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  StringSelectMenuBuilder,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import type { Button, ChatReply } from '../../core/chat/chat-service.js';
import { textWithPrivateChatLine } from '../../core/chat/private-chat.js';
import type { I18n } from '../../core/i18n/i18n.js';
import { formatCalendarDate, parseDateValue } from '../../core/text/dates.js';
import { LIMITS, neutralizeMassMentions, toMarkdown, truncate } from './text-limits.js';

/** The custom id of the topic select menu; its chosen option's value carries the core's button data. */
export const SELECT_MENU_ID = 'menu';

/** What a reply becomes on Discord; it fits every create, edit and follow-up call. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Always empty: text from users or the source must never ping anyone. */
  allowedMentions: { parse: [] };
}

/** A short personal note (an apology, a refusal) as plain content, with no embed. */
export function noteMessage(text: string): DiscordMessage {
  return { content: truncate(neutralizeMassMentions(text), LIMITS.content), embeds: [], components: [], allowedMentions: { parse: [] } };
}

/**
 * Lays a core reply out as one embed (answer as description, date as a field, citation as footer) with
 * its buttons below (one select menu for a menu of choices, see {@link componentsOf}).
 */
export function replyToMessage(reply: ChatReply, i18n: I18n): DiscordMessage {
  const embed = new EmbedBuilder();
  let budget: number = LIMITS.embedTotal;
  if (reply.citation) {
    // Footers show no Markdown, so the citation stays as it is.
    const footer = truncate(neutralizeMassMentions(reply.citation), LIMITS.embedFooter);
    embed.setFooter({ text: footer });
    budget -= footer.length;
  }
  if (reply.date) {
    const name = truncate(i18n.t(reply.lang, 'date-label'), LIMITS.embedFieldName);
    const value = truncate(formatCalendarDate(parseDateValue(reply.date), reply.lang) || reply.date, LIMITS.embedFieldValue);
    embed.addFields({ name, value, inline: true });
    budget -= name.length + value.length;
  }
  // Discord has no link into a private chat that opens on a payload: the core's words for it go below the text.
  const text = textWithPrivateChatLine(reply);
  const description = truncate(toMarkdown(text), Math.min(LIMITS.embedDescription, budget));
  if (description) embed.setDescription(description);
  return { embeds: [embed.toJSON()], components: componentsOf(reply.buttons, reply.buttonsAsMenu ?? false), allowedMentions: { parse: [] } };
}

/**
 * The reply's buttons as Discord components: one select menu when the core says they are one list of choices
 * (up to 25 options fit in one row, while ten topics as buttons would take two or more), rows of buttons otherwise.
 */
export function componentsOf(rows: Button[][], asMenu: boolean): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const buttons = uniqueButtons(rows.flat());
  if (buttons.length === 0) return [];
  if (asMenu) return [selectRow(buttons)];
  return buttonRows(rows).map((row) => row.toJSON());
}

/** Drops buttons whose data Discord cannot carry or that repeat an earlier one (custom ids must be unique). */
function uniqueButtons(buttons: Button[]): Button[] {
  const seen = new Set<string>();
  return buttons.filter((b) => {
    if (!b.data || b.data.length > LIMITS.customId || seen.has(b.data)) return false;
    seen.add(b.data);
    return true;
  });
}

function buttonRows(rows: Button[][]): ActionRowBuilder<ButtonBuilder>[] {
  const seen = new Set<string>();
  const out: ActionRowBuilder<ButtonBuilder>[] = [];
  for (const row of rows) {
    const kept = uniqueButtons(row).filter((b) => !seen.has(b.data));
    kept.forEach((b) => seen.add(b.data));
    // The core's rows may be wider than Discord's five buttons; split them rather than drop any.
    for (let i = 0; i < kept.length; i += LIMITS.buttonsPerRow) {
      const builders = kept.slice(i, i + LIMITS.buttonsPerRow).map((b) =>
        new ButtonBuilder()
          .setCustomId(b.data)
          .setLabel(truncate(b.label.trim() || b.data, LIMITS.buttonLabel))
          .setStyle(ButtonStyle.Secondary),
      );
      out.push(new ActionRowBuilder<ButtonBuilder>().addComponents(builders));
    }
  }
  return out.slice(0, LIMITS.rows);
}

function selectRow(buttons: Button[]): APIActionRowComponent<APIComponentInMessageActionRow> {
  const menu = new StringSelectMenuBuilder().setCustomId(SELECT_MENU_ID).addOptions(
    buttons.slice(0, LIMITS.selectOptions).map((b) => ({
      label: truncate(b.label.trim() || b.data, LIMITS.selectOptionLabel),
      value: b.data,
    })),
  );
  return new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu).toJSON();
}
