import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatReply, ChatRequest, ChatService } from '../../core/chat/chat-service.js';
import type { Lang } from '../../core/facts/schema.js';
import { I18n } from '../../core/i18n/i18n.js';
import type { Messenger } from '../../core/messenger.js';
import { FEEDBACK_COMMAND, feedbackButton, numberedButtons, terminalText } from './terminal-text.js';

/** What the terminal shows between the bot's messages, where the user types. */
const PROMPT = '\n> ';

/**
 * A chat with the bot in the terminal: the same commands as on Telegram and Discord, plain questions,
 * and buttons shown as numbers to type.
 *
 * Numbers: while a quiz question is open (its reply says {@link ChatReply.openQuestion}), any number typed is
 * an answer attempt: in range it presses that choice, out of range it is told the range and the question stays
 * open. Otherwise a number of one or two digits typed under a list of buttons presses one or is told the range;
 * longer numbers ("2022") are questions.
 */
export class TerminalChat {
  private buttons: string[] = [];
  /** Whether the buttons are the choices of an open quiz question. */
  private questionOpen = false;
  /** The language of the last reply shown, for the adapter's own lines. */
  private lang: Lang = 'en';
  /** The last answer's "Not what I asked" button data, pressed by typing /wrong. */
  private feedback: string | undefined;
  /** Set while {@link run} reads lines: a message the bot posts on its own is followed by a new prompt. */
  private readline: Interface | undefined;
  /** Whether a typed line is being answered (its reply and the prompt after it are on their way). */
  private busy = false;
  private readonly req: ChatRequest = { platform: 'terminal', chatId: 'terminal', userId: 'terminal', chatKind: 'private', userName: 'you' };

  constructor(
    private readonly chat: ChatService,
    private readonly input: Readable,
    private readonly output: Writable,
    private readonly i18n: I18n = new I18n(),
  ) {}

  /** Handles one line typed by the user and returns what the bot prints. */
  async handleLine(line: string): Promise<string> {
    const text = line.trim();
    const number = this.typedChoice(text);
    if (number !== undefined) {
      const data = this.buttons[number - 1];
      if (!data) return this.i18n.t(this.lang, 'choose-number', { max: this.buttons.length });
      const reply = await this.chat.action(this.req, data);
      return reply && !reply.repeatNotice ? this.render(reply) : '';
    }
    let reply: ChatReply | undefined;
    if (text === FEEDBACK_COMMAND && this.feedback) reply = await this.chat.action(this.req, this.feedback);
    else if (text.startsWith('/')) {
      const [, name = '', args = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(text) ?? [];
      reply = (await this.chat.command(this.req, name, args)) ?? (await this.chat.unknownCommand(this.req, name));
    } else reply = await this.chat.question(this.req, text);
    // Over the rate limit, the notice is shown once per window: a repeat prints nothing.
    if (!reply || reply.repeatNotice) return '';
    return this.render(reply);
  }

  /** The number typed to pick a button (see the class comment), or undefined when the line is not one. */
  private typedChoice(text: string): number | undefined {
    if (this.buttons.length === 0) return undefined;
    const digits = this.questionOpen ? /^\d+$/ : /^\d{1,2}$/;
    return digits.test(text) ? Number(text) : undefined;
  }

  private render(reply: ChatReply): string {
    // A notification (a quiz press's confirmation) leaves the buttons above it pressable.
    if (!reply.toast) {
      this.buttons = numberedButtons(reply).map((b) => b.data);
      this.questionOpen = reply.openQuestion === true && this.buttons.length > 0;
      this.feedback = feedbackButton(reply)?.data;
      this.lang = reply.lang;
    }
    return terminalText(reply);
  }

  /**
   * Posting on the bot's own initiative (a quiz question closing on its timer): printed at once, its buttons
   * become the numbers to type, and the prompt is shown again (unless a typed line's reply is on its way,
   * which brings its own).
   */
  messenger(): Messenger {
    let id = 0;
    const show = (reply: ChatReply) => {
      this.output.write(`\n${this.render(reply)}\n`);
      if (this.readline && !this.busy) this.readline.prompt();
    };
    return {
      send: (_to, reply) => {
        show(reply);
        id += 1;
        return Promise.resolve({ messageId: String(id) });
      },
    };
  }

  /** Runs until the input ends (Ctrl+D) or the user types /quit. */
  async run(greeting: string): Promise<void> {
    this.output.write(`${greeting}\n\n${await this.handleLine('/start')}\n`);
    const rl = createInterface({ input: this.input, output: this.output, prompt: PROMPT, terminal: false });
    this.readline = rl;
    rl.prompt();
    try {
      for await (const line of rl) {
        if (/^\/(quit|exit)\b/.test(line.trim())) break;
        this.busy = true;
        try {
          this.output.write(`${await this.handleLine(line)}\n`);
        } finally {
          this.busy = false;
        }
        rl.prompt();
      }
    } finally {
      this.readline = undefined;
      rl.close();
    }
  }
}
