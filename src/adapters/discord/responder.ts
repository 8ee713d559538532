import { MessageFlags, type MessageComponentInteraction, type RepliableInteraction } from 'discord.js';
import { noteMessage, type DiscordMessage } from './embeds.js';

type State = 'fresh' | 'deferred-public' | 'deferred-personal' | 'deferred-update' | 'answered';

/**
 * Answers one interaction, remembering how it was acknowledged so that every later message takes the
 * right route: a first reply, an edit of the deferred "thinking…" message, an in-place update of the
 * message whose component was used, or a follow-up.
 */
export class Responder {
  private state: State = 'fresh';

  constructor(private readonly interaction: RepliableInteraction) {}

  /** Whether Discord has been told about this interaction yet (after that, the 3-second limit is met). */
  get acknowledged(): boolean {
    return this.state !== 'fresh';
  }

  /** Acknowledges now and answers later, as a new message visible to all or only to the user. */
  async defer(personal: boolean): Promise<void> {
    await this.interaction.deferReply(personal ? { flags: MessageFlags.Ephemeral } : {});
    this.state = personal ? 'deferred-personal' : 'deferred-public';
  }

  /** Acknowledges a component now; the answer then replaces the message that holds the component. */
  async deferUpdate(interaction: MessageComponentInteraction): Promise<void> {
    await interaction.deferUpdate();
    this.state = 'deferred-update';
  }

  /** Sends the answer; a personal one is shown only to the user, whatever the acknowledgement was. */
  async send(message: DiscordMessage, personal: boolean): Promise<void> {
    const i = this.interaction;
    switch (this.state) {
      case 'fresh':
        await i.reply({ ...message, ...(personal ? { flags: MessageFlags.Ephemeral } : {}) });
        break;
      case 'deferred-personal':
        await i.editReply(message);
        break;
      case 'deferred-public':
        if (personal) {
          // A public "thinking…" cannot turn private: remove it and answer privately instead.
          await i.deleteReply().catch(() => undefined);
          await i.followUp({ ...message, flags: MessageFlags.Ephemeral });
        } else await i.editReply(message);
        break;
      case 'deferred-update':
        if (personal) await i.followUp({ ...message, flags: MessageFlags.Ephemeral });
        else await i.editReply(message);
        break;
      case 'answered':
        await i.followUp({ ...message, ...(personal ? { flags: MessageFlags.Ephemeral } : {}) });
        break;
    }
    this.state = 'answered';
  }

  /** Sends a short personal note (refusal, apology) the way the current state allows. */
  async note(text: string): Promise<void> {
    await this.send(noteMessage(text), true);
  }
}
