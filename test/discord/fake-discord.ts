/**
 * A loopback stand-in for Discord, enough for the real discord.js client: a REST server that records every
 * call and a WebSocket gateway that says HELLO, READY and GUILD_CREATE and then relays test interactions.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const APP_ID = '111111111111111111';
export const GUILD_ID = '222222222222222222';
export const CHANNEL_ID = '333333333333333333';
export const USER_ID = '444444444444444444';
/** A bot token shaped like a real one (the first part is the base64 application id). */
export const BOT_TOKEN = `${Buffer.from(APP_ID).toString('base64').replace(/=+$/, '')}.GfakeX.abcdefghijklmnopqrstuvwxyz0123456789ab`;

/** One REST call as the fake received it. */
export interface RecordedCall {
  method: string;
  /** The path after `/api/v10`, exactly as sent (so `%40original` stays encoded). */
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
}

/** A Discord error to send instead of the normal answer. */
export interface FakeFailure {
  status: number;
  code: number;
  message: string;
}

const botUser = { id: APP_ID, username: 'reform-bot', discriminator: '0000', global_name: null, avatar: null, bot: true, flags: 0 };

/** The fake Discord server; start it with {@link FakeDiscord.start}. */
export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  /** Interaction callbacks to fail, by interaction id. */
  readonly failCallbacks = new Map<string, FakeFailure>();
  /** Channel messages (the bot posting on its own, e.g. daily posts) to fail, by channel id. */
  readonly failChannels = new Map<string, FakeFailure>();
  /** Registered commands: `global`, or a guild id. */
  readonly registered = new Map<string, object[]>();
  /** IDENTIFY payloads received. */
  readonly identifies: Record<string, unknown>[] = [];
  /** REST calls (`METHOD path`) and gateway events in the order they happened. */
  readonly timeline: string[] = [];
  private readonly events = new EventEmitter();
  private readonly sockets = new Set<WebSocket>();
  private seq = 0;
  private nextId = 900000000000000000n;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
  ) {}

  /** Starts the fake on a free loopback port. */
  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeDiscord(server, wss, (server.address() as AddressInfo).port);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    wss.on('connection', (ws) => fake.onConnection(ws));
    return fake;
  }

  /** The value for DISCORD_API_BASE_URL. */
  get apiBaseUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** A fresh snowflake. */
  id(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  /** Resolves with the first call (already recorded or coming) that matches. */
  waitForCall(match: (call: RecordedCall) => boolean): Promise<RecordedCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const listener = (call: RecordedCall) => {
        if (!match(call)) return;
        this.events.off('call', listener);
        resolve(call);
      };
      this.events.on('call', listener);
    });
  }

  /** Calls whose path contains `fragment`. */
  callsTo(fragment: string, method?: string): RecordedCall[] {
    return this.calls.filter((c) => c.path.includes(fragment) && (!method || c.method === method));
  }

  /** Sends a gateway dispatch (op 0) to every connected client. */
  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    const payload = JSON.stringify({ op: 0, t, s: this.seq, d });
    for (const ws of this.sockets) ws.send(payload);
  }

  /** Stops the servers. */
  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.timeline.push('gateway closed');
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    ws.on('message', (raw: Buffer) => {
      const msg = JSON.parse(raw.toString()) as { op: number; d: unknown };
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11 }));
      else if (msg.op === 2) {
        this.identifies.push(msg.d as Record<string, unknown>);
        this.sendReady();
      }
    });
  }

  private sendReady(): void {
    this.dispatch('READY', {
      v: 10,
      user: botUser,
      guilds: [{ id: GUILD_ID, unavailable: true }],
      session_id: 'fake-session',
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      shard: [0, 1],
      application: { id: APP_ID, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      user_settings: {},
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
    });
    this.dispatch('GUILD_CREATE', guildPayload());
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api\/v\d+/, '');
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      authorization: req.headers.authorization,
    };
    this.calls.push(call);
    this.timeline.push(`${call.method} ${call.path}`);
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    try {
      const answer = this.route(call);
      send(answer.status, answer.body);
    } catch (e) {
      send(500, { message: String(e), code: 0 });
    }
    // Emitted after answering, so a test that sees a call can rely on the bot having its answer soon.
    this.events.emit('call', call);
  }

  private route(call: RecordedCall): { status: number; body?: unknown } {
    const { method, path } = call;
    let m: RegExpMatchArray | null;
    if (method === 'GET' && (path === '/gateway/bot' || path === '/gateway'))
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${this.port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      };
    if (method === 'GET' && path === '/applications/@me')
      return { status: 200, body: { id: APP_ID, name: 'reform-bot', icon: null, description: '', bot_public: true, bot_require_code_grant: false, flags: 0, verify_key: 'x' } };
    if (method === 'GET' && path === '/users/@me') return { status: 200, body: botUser };
    if ((m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      const key = m[2] ?? 'global';
      if (method === 'GET') return { status: 200, body: this.registered.get(key) ?? [] };
      if (method === 'PUT') {
        const stored = (call.body as Record<string, unknown>[]).map((c) => asDiscordStores(c, key));
        this.registered.set(key, stored);
        return { status: 200, body: stored };
      }
    }
    if ((m = path.match(/^\/interactions\/(\d+)\/[^/]+\/callback$/)) && method === 'POST') {
      const failure = this.failCallbacks.get(m[1] ?? '');
      if (failure) return { status: failure.status, body: { message: failure.message, code: failure.code } };
      return { status: 204 };
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/[^/]+\/messages\/([^/]+)$/))) {
      if (method === 'PATCH') return { status: 200, body: this.message(call.body) };
      if (method === 'DELETE') return { status: 204 };
    }
    if (path.match(/^\/webhooks\/(\d+)\/[^/]+$/) && method === 'POST') return { status: 200, body: this.message(call.body) };
    if ((m = path.match(/^\/channels\/(\d+)\/messages(?:\/(\d+))?$/)) && (method === 'POST' || method === 'PATCH')) {
      const failure = this.failChannels.get(m[1] ?? '');
      if (failure) return { status: failure.status, body: { message: failure.message, code: failure.code } };
      return { status: 200, body: { ...this.message(call.body), channel_id: m[1], type: 0, webhook_id: undefined } };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  /** A message object as Discord returns it for a create or an edit. */
  message(body: unknown): Record<string, unknown> {
    return botMessage(this.id(), body ?? {});
  }
}

/** The parts of a message a request sets. */
export interface MessageBody {
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
  flags?: unknown;
}

/** A message the bot sent as an interaction response (type 20, through the application's webhook), as Discord returns it. */
export function botMessage(id: string, body: MessageBody = {}): Record<string, unknown> {
  return {
    id,
    channel_id: CHANNEL_ID,
    type: 20,
    content: body.content ?? '',
    author: botUser,
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date(0).toISOString(),
    edited_timestamp: null,
    flags: body.flags ?? 0,
    application_id: APP_ID,
    webhook_id: APP_ID,
  };
}

/** A command as Discord stores and returns it: with ids and the defaults filled in. */
function asDiscordStores(c: Record<string, unknown>, key: string): Record<string, unknown> {
  return {
    id: `${Math.floor(Math.random() * 1e9)}`,
    application_id: APP_ID,
    version: '1',
    type: 1,
    default_member_permissions: null,
    nsfw: false,
    name_localizations: null,
    description_localizations: null,
    integration_types: [0],
    contexts: null,
    ...(key === 'global' ? { dm_permission: true } : {}),
    ...c,
    ...(key === 'global' ? {} : { guild_id: key, dm_permission: undefined }),
    options: ((c.options as Record<string, unknown>[] | undefined) ?? []).map((o) => ({
      required: false,
      name_localizations: null,
      ...o,
      ...(o.autocomplete === false ? { autocomplete: undefined } : {}),
    })),
  };
}

function guildPayload(): Record<string, unknown> {
  return {
    id: GUILD_ID,
    name: 'Reform fans',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: USER_ID,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    preferred_locale: 'en-US',
    features: [],
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: new Date(0).toISOString(),
    roles: [{ id: GUILD_ID, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '0', managed: false, mentionable: false, flags: 0 }],
    channels: [{ id: CHANNEL_ID, type: 0, name: 'general', position: 0, permission_overwrites: [], nsfw: false, topic: null, parent_id: null, rate_limit_per_user: 0 }],
    members: [{ user: botUser, roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 }],
    emojis: [],
    stickers: [],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
