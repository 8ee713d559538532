import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatReply, ChatRequest, ChatService } from '../../core/chat/chat-service.js';
import type { Messenger } from '../../core/messenger.js';
import { FEEDBACK_COMMAND, feedbackButton, numberedButtons, terminalText } from './terminal-text.js';

/**
 * A chat with the bot in the terminal: the same commands as on Telegram and Discord, plain questions,
 * and buttons shown as numbers to type.
 */
export class TerminalChat {
  private buttons: string[] = [];
  /** The last answer's "Not what I asked" button data, pressed by typing /wrong. */
  private feedback: string | undefined;
  private readonly req: ChatRequest = { platform: 'terminal', chatId: 'terminal', userId: 'terminal', chatKind: 'private', userName: 'you' };

  constructor(
    private readonly chat: ChatService,
    private readonly input: Readable,
    private readonly output: Writable,
  ) {}

  /** Handles one line typed by the user and returns what the bot prints. */
  async handleLine(line: string): Promise<string> {
    const text = line.trim();
    let reply: ChatReply | undefined;
    const choice = /^\d{1,2}$/.test(text) ? this.buttons[Number(text) - 1] : undefined;
    if (choice) reply = await this.chat.action(this.req, choice);
    else if (text === FEEDBACK_COMMAND && this.feedback) reply = await this.chat.action(this.req, this.feedback);
    else if (text.startsWith('/')) {
      const [, name = '', args = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(text) ?? [];
      reply = (await this.chat.command(this.req, name, args)) ?? (await this.chat.command(this.req, 'help', ''));
    } else reply = await this.chat.question(this.req, text);
    return reply ? this.render(reply) : '';
  }

  private render(reply: ChatReply): string {
    // A notification (a quiz press's confirmation) leaves the buttons above it pressable.
    if (!reply.toast) {
      this.buttons = numberedButtons(reply).map((b) => b.data);
      this.feedback = feedbackButton(reply)?.data;
    }
    return terminalText(reply);
  }

  /**
   * Posting on the bot's own initiative (a quiz question closing on its timer): printed at once, and its
   * buttons become the numbers to type.
   */
  messenger(): Messenger {
    let id = 0;
    return {
      send: (_to, reply) => {
        this.output.write(`\n${this.render(reply)}\n`);
        id += 1;
        return Promise.resolve({ messageId: String(id) });
      },
      edit: (_to, _messageId, reply) => {
        this.output.write(`\n${this.render(reply)}\n`);
        return Promise.resolve();
      },
    };
  }

  /** Runs until the input ends (Ctrl+D) or the user types /quit. */
  async run(greeting: string): Promise<void> {
    this.output.write(`${greeting}\n\n${await this.handleLine('/start')}\n`);
    const rl = createInterface({ input: this.input, output: this.output, prompt: '\n> ', terminal: false });
    rl.prompt();
    for await (const line of rl) {
      if (/^\/(quit|exit)\b/.test(line.trim())) break;
      this.output.write(`${await this.handleLine(line)}\n`);
      rl.prompt();
    }
    rl.close();
  }
}
