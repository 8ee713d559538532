import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { restOptions } from '../../src/adapters/discord/create-client.js';
import { registerCommands } from '../../src/adapters/discord/register-commands.js';
import { buildSlashCommands } from '../../src/adapters/discord/slash-commands.js';
import { COMMANDS } from '../../src/core/commands/definitions.js';
import { APP_ID, BOT_TOKEN, FakeDiscord, GUILD_ID } from './fake-discord.js';
import { ADMIN_COMMAND, recordingLogger, startHarness, type Harness } from './harness.js';

const GLOBAL = `/applications/${APP_ID}/commands`;
const GUILD = `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`;

type Body = { name: string; description_localizations?: Record<string, string>; default_member_permissions?: string; contexts?: number[]; integration_types?: number[] }[];

describe('command registration at start', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('PUTs the commands globally when Discord has none, with Russian localizations', async () => {
    h = await startHarness();
    const get = h.fake.callsTo(GLOBAL, 'GET');
    expect(get).toHaveLength(1);
    expect(get[0]?.query.get('with_localizations')).toBe('true');
    const put = h.fake.callsTo(GLOBAL, 'PUT');
    expect(put).toHaveLength(1);
    const body = put[0]?.body as Body;
    expect(body.map((c) => c.name).slice(0, 3)).toEqual(['help', 'ask', 'topics']);
    // Feature commands follow (daily posts, study).
    expect(body.map((c) => c.name)).toEqual(expect.arrayContaining(['study', 'next', 'stop', 'top', 'stats', 'review']));
    expect(body.find((c) => c.name === 'ask')?.description_localizations?.ru).toBe('Вопрос о реформах в Казахстане 2022–2023 годов');
    expect(body.find((c) => c.name === 'ask')).toMatchObject({ contexts: [0, 1], integration_types: [0] });
    expect(body.some((c) => 'dm_permission' in c)).toBe(false);
    expect(h.fake.callsTo('/guilds/')).toHaveLength(0);
  });

  it('does not PUT when what Discord has (as Discord returns it) equals our commands', async () => {
    const first = await startHarness();
    const stored = first.fake.registered.get('global');
    await first.close();
    h = await startHarness({ before: (fake) => fake.registered.set('global', stored ?? []) });
    expect(h.fake.callsTo(GLOBAL, 'GET')).toHaveLength(1);
    expect(h.fake.callsTo(GLOBAL, 'PUT')).toHaveLength(0);
  });

  it('PUTs when a registered description differs', async () => {
    const stale = buildSlashCommands(COMMANDS).map((c) => (c.name === 'ask' ? { ...c, description: 'Old description' } : c));
    h = await startHarness({ before: (fake) => fake.registered.set('global', stale) });
    expect(h.fake.callsTo(GLOBAL, 'PUT')).toHaveLength(1);
  });

  it('registers to one server when DISCORD_GUILD_ID is set, with admin-only commands restricted', async () => {
    h = await startHarness({ env: { DISCORD_GUILD_ID: GUILD_ID }, definitions: [...COMMANDS, ADMIN_COMMAND] });
    expect(h.fake.callsTo(GLOBAL)).toHaveLength(0);
    const put = h.fake.callsTo(GUILD, 'PUT');
    expect(put).toHaveLength(1);
    const settings = (put[0]?.body as Body).find((c) => c.name === 'settings');
    expect(settings?.default_member_permissions).toBe('32');
    // Servers only: Discord's contexts, not the deprecated dm_permission.
    expect(settings?.contexts).toEqual([0]);
    expect(settings?.integration_types).toEqual([0]);
    expect(settings).not.toHaveProperty('dm_permission');
  });

  it('leaves commands alone when DISCORD_REGISTER_COMMANDS is off', async () => {
    h = await startHarness({ env: { DISCORD_REGISTER_COMMANDS: 'off' } });
    expect(h.fake.callsTo('/commands')).toHaveLength(0);
    expect(h.bot.isConnected()).toBe(true);
  });

  it('connects with the Guilds intent only', async () => {
    h = await startHarness();
    expect(h.fake.identifies[0]?.intents).toBe(1);
  });
});

describe('npm run discord:register', () => {
  it('finds the application id and PUTs to the guild, or globally without one', async () => {
    const fake = await FakeDiscord.start();
    try {
      const rest = new REST(restOptions(`${fake.apiBaseUrl}/`)).setToken(BOT_TOKEN);
      expect(await registerCommands(rest, COMMANDS, GUILD_ID, recordingLogger([]))).toBe('updated');
      expect(await registerCommands(rest, COMMANDS, undefined, recordingLogger([]))).toBe('updated');
      expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
        'GET /applications/@me',
        `PUT ${GUILD}`,
        'GET /applications/@me',
        `PUT ${GLOBAL}`,
      ]);
      expect(fake.calls[1]?.authorization).toBe(`Bot ${BOT_TOKEN}`);
    } finally {
      await fake.close();
    }
  });
});
