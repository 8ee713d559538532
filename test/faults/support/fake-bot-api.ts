/**
 * A loopback fake of the Telegram Bot API (node:http) that misbehaves on request: an outage (connections
 * reset), a hang (connections accepted, never answered), flood limits (429 above a rate), a second poller
 * (409) or a revoked token (401). It serves updates by long polling and records every message sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A message the bot sent, as the fake received it. */
export interface ReceivedMessage {
  method: string;
  chatId: string;
  text: string;
  payload: Record<string, unknown>;
  /** Epoch ms when the fake accepted it. */
  at: number;
  /** Which instance sent it: the first path segment of its API root (`http://…/i2` → `i2`), when it has one. */
  via?: string;
  /** The id the fake gave the message it posted (sendMessage). */
  messageId?: number;
}

/** A Bot API answer the fake may give instead of its own. */
export type FakeResponse = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

/** How the fake behaves now. */
export type FakeMode = 'up' | 'down' | 'hang' | 'conflict' | 'unauthorized';

export const FAKE_BOT = { id: 4242, is_bot: true, first_name: 'Fault Bot', username: 'FaultTestBot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true };

export class FakeBotApi {
  mode: FakeMode = 'up';
  /** Messages per second above which sendMessage answers 429 (retry_after `floodRetryAfter`). */
  floodLimitPerSecond?: number;
  floodRetryAfter = 1;
  /**
   * Holds a call unanswered and unrecorded (as if it never reached Telegram) when this says so: an instance
   * killed with requests in flight. Counted in `held`.
   */
  holdIf?: (method: string, via: string | undefined) => boolean;
  /** Calls held by {@link holdIf}. */
  held = 0;
  /** Answers a call instead of the fake (a 429 for one message, a 500…); undefined lets the fake answer. */
  override?: (method: string, payload: Record<string, unknown>) => FakeResponse | undefined;
  readonly received: ReceivedMessage[] = [];
  /** Every call, in order: method and when. */
  readonly calls: { method: string; at: number; status: number }[] = [];
  /** 429s answered. */
  floodRefusals = 0;
  /** Calls whose connection was reset because the fake was down. */
  resets = 0;
  /** Goes down (as `setMode('down')`) when this many messages were received, before taking the next one. */
  downAfterMessages?: number;
  /** The highest offset a getUpdates asked for: every update below it was delivered and confirmed. */
  confirmedBelow = 0;
  private readonly updates: Record<string, unknown>[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private readonly sockets = new Set<Socket>();
  private readonly hung = new Set<ServerResponse>();
  private readonly pollers = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeBotApi> {
    const holder: { fake?: FakeBotApi } = {};
    const server = createServer((req, res) => void holder.fake?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeBotApi(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    holder.fake = fake;
    server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    return fake;
  }

  /** Queues an update for getUpdates; returns its id. */
  push(update: Record<string, unknown>): number {
    const id = this.nextUpdateId++;
    this.updates.push({ update_id: id, ...update });
    for (const wake of [...this.pollers]) wake();
    return id;
  }

  /** Whether every update pushed so far was delivered to the bot (and confirmed by its next getUpdates). */
  allDelivered(): boolean {
    return this.confirmedBelow >= this.nextUpdateId;
  }

  /** Messages sent to a chat, oldest first. */
  to(chatId: number | string): ReceivedMessage[] {
    return this.received.filter((m) => m.chatId === String(chatId));
  }

  /** Resolves once `predicate` holds, checking as calls arrive (rejects after `ms`). */
  async until(predicate: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
    const started = Date.now();
    while (!(await predicate())) {
      if (Date.now() - started > ms) throw new Error('the fake Bot API did not see what was expected in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** getUpdates calls waiting now for an update (long polls): the bot is polling. */
  get pollsWaiting(): number {
    return this.pollers.size;
  }

  /**
   * Switches the mode; `down` also resets the connections open now. A long poll waiting now ends at once and is
   * answered in the new mode, as Telegram ends it when another poller calls (409) or the token is revoked (401),
   * so a test sees the change without waiting out the poll.
   */
  setMode(mode: FakeMode): void {
    this.mode = mode;
    if (mode === 'down') for (const s of this.sockets) s.destroy();
    if (mode !== 'hang') for (const res of this.hung) res.destroy();
    for (const wake of [...this.pollers]) wake();
  }

  async stop(): Promise<void> {
    for (const wake of [...this.pollers]) wake();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const method = (req.url ?? '').split('/').pop() ?? '';
    const first = (req.url ?? '').split('/')[1] ?? '';
    const via = first.startsWith('bot') ? undefined : first;
    const at = Date.now();
    if (this.holdIf?.(method, via)) {
      this.held++;
      this.hung.add(res);
      return;
    }
    if (this.downAfterMessages !== undefined && method === 'sendMessage' && this.received.length >= this.downAfterMessages) {
      this.downAfterMessages = undefined;
      this.setMode('down');
    }
    if (this.mode === 'down') {
      this.resets++;
      req.socket.destroy();
      return;
    }
    if (this.mode === 'hang') {
      this.hung.add(res);
      return;
    }
    const payload = parseBody(Buffer.concat(chunks).toString(), req.headers['content-type']);
    const answer = await this.answer(method, payload, at, via);
    this.calls.push({ method, at, status: answer.ok ? 200 : answer.error_code });
    res.writeHead(answer.ok ? 200 : answer.error_code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  }

  private async answer(method: string, payload: Record<string, unknown>, at: number, via?: string): Promise<FakeResponse> {
    const refused = this.refusal(method);
    if (refused) return refused;
    const overridden = this.override?.(method, payload);
    if (overridden) return overridden;
    switch (method) {
      case 'getMe':
        return { ok: true, result: FAKE_BOT };
      case 'getUpdates': {
        this.confirmedBelow = Math.max(this.confirmedBelow, Number(payload.offset ?? 0));
        const updates = await this.poll(Number(payload.offset ?? 0), Number(payload.timeout ?? 0));
        // The mode changed while the poll waited (see setMode).
        return this.refusal(method) ?? { ok: true, result: updates };
      }
      case 'sendMessage':
      case 'editMessageText': {
        if (this.floodLimitPerSecond !== undefined) {
          const recent = this.received.filter((m) => m.at > at - 1000).length;
          if (recent >= this.floodLimitPerSecond) {
            this.floodRefusals++;
            return { ok: false, error_code: 429, description: `Too Many Requests: retry after ${this.floodRetryAfter}`, parameters: { retry_after: this.floodRetryAfter } };
          }
        }
        const chatId = String(payload.chat_id);
        const messageId = method === 'sendMessage' ? this.nextMessageId++ : undefined;
        this.received.push({ method, chatId, text: typeof payload.text === 'string' ? payload.text : '', payload, at, ...(via ? { via } : {}), ...(messageId ? { messageId } : {}) });
        const chat = { id: Number(chatId), type: chatId.startsWith('-') ? 'supergroup' : 'private' };
        return { ok: true, result: messageId ? { message_id: messageId, date: Math.floor(at / 1000), chat, text: payload.text } : true };
      }
      case 'getChatMember':
        return { ok: true, result: { status: 'member', user: { id: Number(payload.user_id), is_bot: false, first_name: 'x' } } };
      default:
        return { ok: true, result: true };
    }
  }

  /** The answer of a fake that is `unauthorized`, or of a getUpdates in `conflict` mode; undefined otherwise. */
  private refusal(method: string): FakeResponse | undefined {
    if (this.mode === 'unauthorized') return { ok: false, error_code: 401, description: 'Unauthorized' };
    if (this.mode === 'conflict' && method === 'getUpdates')
      return { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' };
    return undefined;
  }

  /** Updates from `offset` on, waiting up to `timeout` seconds (at most 1 here) for one to arrive. */
  private async poll(offset: number, timeout: number): Promise<Record<string, unknown>[]> {
    const pending = () => this.updates.filter((u) => Number(u.update_id) >= offset);
    if (pending().length === 0 && timeout > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.pollers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(timeout, 1) * 1000);
        this.pollers.add(wake);
      });
    }
    return pending().slice(0, 100);
  }
}

function parseBody(body: string, contentType: string | undefined): Record<string, unknown> {
  if (!body) return {};
  if (contentType?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(body));
}
