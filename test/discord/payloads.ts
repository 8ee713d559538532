/** INTERACTION_CREATE payloads shaped as Discord documents them. */
import { APP_ID, CHANNEL_ID, GUILD_ID, USER_ID, botMessage } from './fake-discord.js';

const user = { id: USER_ID, username: 'aigerim', discriminator: '0', global_name: 'Aigerim', avatar: null, public_flags: 0 };

/** Where and by whom: a server member with these permissions, or a DM. */
export interface Origin {
  locale?: string;
  /** The member's permission bits in the channel, as Discord's decimal string; '0' = none, '32' = Manage Server. */
  permissions?: string;
  dm?: boolean;
  /** Another channel of the server, so that tests do not share the core's conversation context. */
  channelId?: string;
}

/** The bot message whose buttons and menus the presses come from. */
const MESSAGE_ID = '600000000000000001';

let counter = 0;
function nextId(): string {
  counter += 1;
  return (800000000000000000n + BigInt(counter)).toString();
}

function base(type: number, origin: Origin, data: unknown): Record<string, unknown> & { id: string; token: string } {
  const id = nextId();
  const common = {
    id,
    application_id: APP_ID,
    type,
    data,
    // A distinctive token, so tests can check that no log ever contains it.
    token: `aW50ZXJhY3Rpb246${id}interactionSecretToken${id}`,
    version: 1,
    locale: origin.locale ?? 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    attachment_size_limit: 10485760,
  };
  if (origin.dm)
    return {
      ...common,
      channel_id: '555555555555555555',
      channel: { id: '555555555555555555', type: 1, recipients: [user], last_message_id: null, flags: 0 },
      user,
      context: 1,
      authorizing_integration_owners: { '1': USER_ID },
    };
  return {
    ...common,
    guild_id: GUILD_ID,
    guild: { id: GUILD_ID, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel_id: origin.channelId ?? CHANNEL_ID,
    channel: { id: origin.channelId ?? CHANNEL_ID, type: 0, name: 'general', guild_id: GUILD_ID, position: 0, permission_overwrites: [], nsfw: false, parent_id: null, flags: 0 },
    member: {
      user,
      roles: [],
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      premium_since: null,
      communication_disabled_until: null,
      permissions: origin.permissions ?? '0',
    },
    context: 0,
    authorizing_integration_owners: { '0': GUILD_ID },
  };
}

/** A slash command (type 2, chat input). */
export function slashCommand(name: string, options: Record<string, string> = {}, origin: Origin = {}) {
  return base(2, origin, {
    id: '700000000000000001',
    name,
    type: 1,
    options: Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value })),
    ...(origin.dm ? {} : { guild_id: GUILD_ID }),
  });
}

/** An autocomplete request (type 4) while the user types `value` into `option`. */
export function autocomplete(name: string, option: string, value: string, origin: Origin = {}) {
  return base(4, origin, { id: '700000000000000001', name, type: 1, options: [{ name: option, type: 3, value, focused: true }] });
}

/** A button press (type 3, component type 2) on a bot message. */
export function buttonPress(customId: string, origin: Origin = {}) {
  const button = { type: 2, style: 2, label: 'question', custom_id: customId };
  return { ...base(3, origin, { custom_id: customId, component_type: 2 }), message: botMessage(MESSAGE_ID, { components: [{ type: 1, components: [button] }] }) };
}

/** A choice in a string select menu (type 3, component type 3). */
export function selectChoice(customId: string, value: string, origin: Origin = {}) {
  const menu = { type: 3, custom_id: customId, options: [{ label: 'topic', value }], min_values: 1, max_values: 1 };
  return { ...base(3, origin, { custom_id: customId, component_type: 3, values: [value] }), message: botMessage(MESSAGE_ID, { components: [{ type: 1, components: [menu] }] }) };
}
