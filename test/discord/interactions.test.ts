import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordChat } from '../../src/adapters/discord/chat-port.js';
import { SELECT_MENU_ID } from '../../src/adapters/discord/embeds.js';
import { toMarkdown } from '../../src/adapters/discord/text-limits.js';
import { COMMANDS } from '../../src/core/commands/definitions.js';
import { BOT_TOKEN } from './fake-discord.js';
import { ADMIN_COMMAND, CALLBACK, callbackOf, EPHEMERAL, firstReply, messageOf, realCore, startHarness, type Harness } from './harness.js';
import { autocomplete, buttonPress, selectChoice, slashCommand } from './payloads.js';

let channelCounter = 0;
/** A channel of its own for each test, so that the core's conversation context does not leak between tests. */
function ownChannel(): string {
  channelCounter += 1;
  return (310000000000000000n + BigInt(channelCounter)).toString();
}

/** The real core, with a hook around command(). */
function chatWith(command: DiscordChat['command']): DiscordChat {
  const chat = realCore().chat;
  return {
    command,
    action: (req, data) => chat.action(req, data),
    autocomplete: (p, lang, limit) => chat.autocomplete(p, lang, limit),
    langOf: (req) => chat.langOf(req),
    unknownCommand: (req, name) => chat.unknownCommand(req, name),
  };
}

describe('the Discord adapter with the real core', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('/ask in English: the answer embed is the first reply, public as the core says (no deferral)', async () => {
    const i = slashCommand('ask', { question: 'when was the referendum?' }, { channelId: ownChannel() });
    h.send(i);
    const reply = await firstReply(h, i);
    expect(reply.type).toBe(CALLBACK.reply);
    expect(reply.data.flags ?? 0).toBe(0);
    expect(reply.data.embeds?.[0]?.description).toMatch(/June 5|5 June/);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    expect(h.fake.callsTo(i.token, 'PATCH')).toHaveLength(0);
  });

  it('/ask in Russian: answers in Russian with the date field, the citation as footer and buttons', async () => {
    const i = slashCommand('ask', { question: 'когда был референдум?' }, { locale: 'ru', channelId: ownChannel() });
    h.send(i);
    const body = (await firstReply(h, i)).data;
    const embed = body.embeds?.[0];
    expect(embed?.description).toContain('5 июня');
    expect(embed?.fields?.[0]?.value).toBe('5 июня 2022 года');
    expect(embed?.footer?.text).toMatch(/^Источник:/);
    expect(body.components?.length).toBeGreaterThan(0);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('autocompletes questions: at most 25, the relevant one first, within 100 characters', async () => {
    const i = autocomplete('ask', 'question', 'referend');
    h.send(i);
    const body = callbackOf(await h.callFor(i, 'POST', '/callback'));
    expect(body.type).toBe(CALLBACK.autocomplete);
    const choices = body.data?.choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]?.name).toMatch(/referend/i);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('answers a button press from an answer with that fact', async () => {
    const channelId = ownChannel();
    const ask = slashCommand('ask', { question: 'когда был референдум?' }, { locale: 'ru', channelId });
    h.send(ask);
    const answer = (await firstReply(h, ask)).data;
    const customId = answer.components?.[0]?.components[0]?.custom_id ?? '';
    expect(customId).toMatch(/^a:ru:/);

    // The answer is a new public message, as /ask would post it; the message with the button stays. A member
    // whose Discord is in English pressed a Russian question: the answer is in Russian, the language they read.
    const press = buttonPress(customId, { channelId, locale: 'en-US' });
    h.send(press);
    const reply = await firstReply(h, press);
    expect(reply.type).toBe(CALLBACK.reply);
    expect(reply.data.flags ?? 0).toBe(0);
    const expected = realCore().resolver.answerFact(customId.slice('a:ru:'.length), 'ru')?.answer ?? '(none)';
    expect(reply.data.embeds?.[0]?.description).toBe(toMarkdown(expected));
  });

  it('/topics shows a select menu privately; picking a topic lists its questions in place', async () => {
    const channelId = ownChannel();
    const topics = slashCommand('topics', {}, { channelId });
    h.send(topics);
    const first = await firstReply(h, topics);
    expect(first).toMatchObject({ type: CALLBACK.reply, data: { flags: EPHEMERAL } });
    const menu = first.data.components?.[0]?.components[0];
    expect(menu?.custom_id).toBe(SELECT_MENU_ID);
    expect(menu?.options?.map((o) => o.value)).toContain('t:referendum');

    // The core says the topic's questions replace the menu: Discord's update of the message, no new one.
    const pick = selectChoice(SELECT_MENU_ID, 't:referendum', { channelId });
    h.send(pick);
    const update = await firstReply(h, pick);
    expect(update.type).toBe(CALLBACK.update);
    expect(h.fake.calls.filter((c) => c.path.includes(pick.token))).toHaveLength(1);
    const buttons = update.data.components?.flatMap((r) => r.components) ?? [];
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.every((b) => b.type === 2 && b.custom_id.startsWith('a:'))).toBe(true);
  });

  it('/start in a DM greets in the user\'s language, offers the welcome questions as buttons and points to /help', async () => {
    const i = slashCommand('start', {}, { dm: true, locale: 'ru' });
    h.send(i);
    const patch = (await firstReply(h, i)).data;
    const text = JSON.stringify(patch);
    expect(text).toContain('Здравствуйте!');
    expect(text).toContain('/help');
    const buttons = patch.components?.flatMap((r) => r.components) ?? [];
    expect(buttons.map((b) => b.custom_id)).toEqual(h.core.base.welcome.map((id) => `a:ru:${id}`));
    expect(buttons.map((b) => (b as { label?: string }).label)).toContain('Когда в Казахстане прошёл референдум по поправкам в Конституцию?');
  });

  it('/help answers privately with the help text, also in DMs', async () => {
    for (const origin of [{}, { dm: true }]) {
      const i = slashCommand('help', {}, origin);
      h.send(i);
      const reply = await firstReply(h, i);
      expect(reply).toMatchObject({ type: CALLBACK.reply, data: { flags: EPHEMERAL } });
      expect(reply.data.embeds?.[0]?.description).toContain('/ask');
      // Discord hears only slash commands: no advice to mention the bot.
      if (!('dm' in origin)) expect(reply.data.embeds?.[0]?.description).toContain('In a group, ask with /ask followed by your question.');
      expect(reply.data.embeds?.[0]?.description).not.toMatch(/mention me/);
    }
  });

  it('never pings: @everyone in a question leaves allowed_mentions empty and no live @everyone', async () => {
    const i = slashCommand('ask', { question: '@everyone @here when was the referendum?' }, { channelId: ownChannel() });
    h.send(i);
    const reply = await firstReply(h, i);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(reply.data)).not.toMatch(/@everyone|@here/);
  });
});

describe('admin-only commands', () => {
  let h: Harness;
  const seen: string[] = [];
  beforeAll(async () => {
    h = await startHarness({
      definitions: [...COMMANDS, ADMIN_COMMAND],
      chat: chatWith(async (req, name, args) => {
        seen.push(name);
        return name === 'settings' ? { lang: 'en', text: 'Settings saved.', buttons: [] } : await realCore().chat.command(req, name, args);
      }),
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a member without Manage Server privately, before reaching the core', async () => {
    const i = slashCommand('settings', {}, { permissions: '0' });
    h.send(i);
    const body = callbackOf(await h.callFor(i, 'POST', '/callback'));
    expect(body.type).toBe(CALLBACK.reply);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.content).toBe('Only members who can manage this server may use this command.');
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(seen).not.toContain('settings');
  });

  it('lets a member with Manage Server through', async () => {
    const i = slashCommand('settings', {}, { permissions: '32' });
    h.send(i);
    expect((await firstReply(h, i)).data.embeds?.[0]?.description).toBe('Settings saved.');
    expect(seen).toContain('settings');
  });
});

describe('slow work', () => {
  /** A bot whose core answers commands only when the test releases it; deferred after 50 ms. */
  async function gatedBot() {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const state = { finished: false };
    const h = await startHarness({
      acknowledgeAfterMs: 50,
      chat: chatWith(async (req, name, args) => {
        await gate;
        state.finished = true;
        return realCore().chat.command(req, name, args);
      }),
    });
    return { h, release, state };
  }

  it('acknowledges privately in time, then posts a public answer for everyone; stop() waits for it', async () => {
    const { h, release, state } = await gatedBot();
    const i = slashCommand('ask', { question: 'когда был референдум?' }, { locale: 'ru', channelId: ownChannel() });
    h.send(i);
    const callback = await h.callFor(i, 'POST', '/callback');
    // The acknowledgement went out while the core was still working, and showed nothing to the others.
    expect(state.finished).toBe(false);
    expect(callbackOf(callback)).toMatchObject({ type: CALLBACK.deferReply, data: { flags: EPHEMERAL } });
    expect(h.fake.callsTo(i.token, 'PATCH')).toHaveLength(0);

    const stopped = h.bot.stop();
    release();
    await stopped;
    // The core said the answer is public: the private "thinking…" goes, and the answer is posted for everyone.
    const deleteAt = h.fake.timeline.findIndex((e) => e.startsWith('DELETE') && e.includes(i.token));
    const postAt = h.fake.timeline.findIndex((e) => e.startsWith('POST') && e.includes('/webhooks/') && e.includes(i.token));
    expect(deleteAt).toBeGreaterThan(h.fake.timeline.indexOf(`POST ${callback.path}`));
    expect(postAt).toBeGreaterThan(deleteAt);
    expect(postAt).toBeLessThan(h.fake.timeline.indexOf('gateway closed'));
    const followUp = h.fake.calls.find((c) => c.method === 'POST' && c.path.includes('/webhooks/') && c.path.includes(i.token));
    expect(messageOf(followUp!).flags ?? 0).toBe(0);
    expect(messageOf(followUp!).embeds?.[0]?.description).toContain('5 июня');
    expect(h.bot.isConnected()).toBe(false);
    await h.close();
  });

  it('a slow press is acknowledged without changing anything, then replaces its message when the core says so', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const chat = realCore().chat;
    const h = await startHarness({
      acknowledgeAfterMs: 50,
      chat: {
        command: (req, name, args) => chat.command(req, name, args),
        action: async (req, data) => {
          await gate;
          return chat.action(req, data);
        },
        autocomplete: (p, lang, limit) => chat.autocomplete(p, lang, limit),
        langOf: (req) => chat.langOf(req),
        unknownCommand: (req, name) => chat.unknownCommand(req, name),
      },
    });
    try {
      const pick = selectChoice(SELECT_MENU_ID, 't:referendum', { channelId: ownChannel() });
      h.send(pick);
      expect(callbackOf(await h.callFor(pick, 'POST', '/callback')).type).toBe(CALLBACK.deferUpdate);
      release();
      const update = messageOf(await h.callFor(pick, 'PATCH', '/messages/%40original'));
      expect(update.components?.flatMap((r) => r.components).every((b) => b.custom_id.startsWith('a:'))).toBe(true);
      expect(h.fake.calls.filter((c) => c.path.includes(pick.token) && c.method === 'POST' && c.path.includes('/webhooks/'))).toHaveLength(0);
    } finally {
      await h.close();
    }
  });

  it('a slow personal answer (/help) fills the private acknowledgement in place', async () => {
    const { h, release } = await gatedBot();
    try {
      const i = slashCommand('help', {}, { channelId: ownChannel() });
      h.send(i);
      expect(callbackOf(await h.callFor(i, 'POST', '/callback'))).toMatchObject({ type: CALLBACK.deferReply, data: { flags: EPHEMERAL } });
      release();
      expect(messageOf(await h.callFor(i, 'PATCH', '/messages/%40original')).embeds?.[0]?.description).toContain('/ask');
      expect(h.fake.callsTo(i.token, 'DELETE')).toHaveLength(0);
    } finally {
      await h.close();
    }
  });
});

describe('errors', () => {
  const QUESTION = 'what is the secret-marker-question?';
  /** A bot whose core always throws. */
  const throwingBot = () =>
    startHarness({
      chat: chatWith(() => {
        throw new Error('core exploded');
      }),
    });

  it('apologizes privately when a handler throws, and logs the context without the question', async () => {
    const h = await throwingBot();
    try {
      const i = slashCommand('ask', { question: QUESTION });
      h.send(i);
      // The core failed before anything was shown: the apology is the first reply, to the user alone.
      const body = await firstReply(h, i);
      expect(body.data.flags).toBe(EPHEMERAL);
      expect(body.data.content).toBe(h.core.i18n.t('en', 'error-apology'));
      expect(body.data.allowed_mentions).toEqual({ parse: [] });
      const entry = h.logs.find((l) => l.level === 'error' && l.obj.interactionId === i.id);
      expect(entry?.obj).toMatchObject({ command: 'ask', guildId: expect.any(String) as string, err: { message: 'core exploded' } });
      expect(JSON.stringify(h.logs.filter((l) => l.level !== 'debug'))).not.toContain('secret-marker');
    } finally {
      await h.close();
    }
  });

  it('answers a command it does not know privately, naming it, with a first reply', async () => {
    const h = await throwingBot();
    try {
      const i = slashCommand('no-such-command', {});
      h.send(i);
      const body = callbackOf(await h.callFor(i, 'POST', '/callback'));
      expect(body).toMatchObject({ type: CALLBACK.reply, data: { flags: EPHEMERAL, content: h.core.i18n.t('en', 'unknown-command-named', { command: '/no-such-command' }) } });
    } finally {
      await h.close();
    }
  });

  it.each([
    [404, 10062, 'Unknown interaction'],
    [400, 40060, 'Interaction has already been acknowledged.'],
  ])('ignores Discord’s harmless error %i/%i: no apology, no error log', async (status, code, message) => {
    const h = await startHarness();
    try {
      const i = slashCommand('help', {});
      h.fake.failCallbacks.set(i.id, { status, code, message });
      h.send(i);
      await h.callFor(i, 'POST', '/callback');
      // stop() returns once the handlers in flight have finished.
      await h.bot.stop();
      expect(h.logs.filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);
      expect(h.logs.some((l) => l.level === 'debug' && (l.obj.err as { code?: number } | undefined)?.code === code)).toBe(true);
      expect(h.fake.calls.filter((c) => c.path.includes(i.token))).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('never logs the bot token or an interaction token, even in Discord errors', async () => {
    const h = await throwingBot();
    try {
      const rejected = slashCommand('ask', { question: 'anything' });
      h.fake.failCallbacks.set(rejected.id, { status: 400, code: 50035, message: 'Invalid Form Body' });
      h.send(rejected);
      const failed = slashCommand('ask', { question: 'x' });
      h.send(failed);
      await h.callFor(failed, 'POST', '/callback');
      await h.bot.stop();
      // The refused callback (here the apology after the core's failure) is logged with Discord's code.
      expect(h.logs.some((l) => l.level !== 'debug' && (l.obj.err as { code?: number } | undefined)?.code === 50035)).toBe(true);
      const text = JSON.stringify(h.logs);
      expect(text).not.toContain(BOT_TOKEN);
      expect(text).not.toContain(BOT_TOKEN.split('.')[2]);
      expect(text).not.toContain(rejected.token);
      expect(text).not.toContain(failed.token);
    } finally {
      await h.close();
    }
  });
});
