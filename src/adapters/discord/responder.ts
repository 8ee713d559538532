import { MessageFlags, type MessageComponentInteraction, type RepliableInteraction } from 'discord.js';
import { noteMessage, type DiscordMessage } from './embeds.js';

type State = 'fresh' | 'deferred-personal' | 'deferred-update' | 'answered';

/**
 * Answers one interaction, remembering how it was acknowledged so that every later message takes the
 * right route: a first reply, an edit of the deferred "thinking…" message, an in-place update of the
 * message whose component was used, or a follow-up. A deferral never shows anything to others: whether an
 * answer is public is the core's to say, and it may not have said yet.
 */
export class Responder {
  private state: State = 'fresh';

  constructor(private readonly interaction: RepliableInteraction) {}

  /** Whether Discord has been told about this interaction yet (after that, the 3-second limit is met). */
  get acknowledged(): boolean {
    return this.state !== 'fresh';
  }

  /** Acknowledges a command now with a "thinking…" only the user sees; the answer comes later. */
  async defer(): Promise<void> {
    await this.interaction.deferReply({ flags: MessageFlags.Ephemeral });
    this.state = 'deferred-personal';
  }

  /** Acknowledges a component now, changing nothing yet; the answer may still replace its message or follow it. */
  async deferUpdate(interaction: MessageComponentInteraction): Promise<void> {
    await interaction.deferUpdate();
    this.state = 'deferred-update';
  }

  /** Sends the answer as a message of its own; a personal one is shown only to the user. */
  async send(message: DiscordMessage, personal: boolean): Promise<void> {
    const i = this.interaction;
    const flags = personal ? { flags: MessageFlags.Ephemeral as const } : {};
    switch (this.state) {
      case 'fresh':
        await i.reply({ ...message, ...flags });
        break;
      case 'deferred-personal':
        if (personal) await i.editReply(message);
        else {
          // The private "thinking…" cannot turn public: remove it and answer for everyone.
          await i.deleteReply().catch(() => undefined);
          await i.followUp(message);
        }
        break;
      case 'deferred-update':
      case 'answered':
        await i.followUp({ ...message, ...flags });
        break;
    }
    this.state = 'answered';
  }

  /** Replaces the message whose component was used (a topic menu turning into its questions). */
  async update(interaction: MessageComponentInteraction, message: DiscordMessage): Promise<void> {
    if (this.state === 'fresh') await interaction.update(message);
    else if (this.state === 'deferred-update') await interaction.editReply(message);
    else {
      await this.send(message, false);
      return;
    }
    this.state = 'answered';
  }

  /** Sends a short personal note (refusal, apology) the way the current state allows. */
  async note(text: string): Promise<void> {
    await this.send(noteMessage(text), true);
  }
}
