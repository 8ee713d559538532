/**
 * Daily posts on Discord against the loopback fake: Manage Server required (checked from the interaction's
 * member permissions), the post goes to the channel where /subscribe was used, and a channel the bot lost
 * access to (50001) pauses the subscription, and a press on the question of the day is answered privately.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrometheusMetrics } from '../../src/infra/metrics/prometheus-metrics.js';
import { FakeClock, postingCore } from '../subscriptions/support.js';
import { callbackOf, CALLBACK, EPHEMERAL, firstReply, messageOf, startHarness, type Harness } from './harness.js';
import { buttonPress, slashCommand } from './payloads.js';


const clock = FakeClock.at('2024-06-10T01:00:00Z');
const metrics = new PrometheusMetrics({ processMetrics: false, platforms: ['discord'] });
const { core, store, messenger: recording } = postingCore(clock, { metrics });
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ core });
});
afterAll(async () => {
  await h.close();
});

const dc = (chatId: string) => ({ platform: 'discord' as const, chatId });

describe('Discord daily posts', () => {
  it('refuses /subscribe from a member without Manage Server, storing nothing', async () => {
    const channel = '320000000000000001';
    const i = slashCommand('subscribe', { time: '08:00' }, { permissions: '0', channelId: channel });
    h.send(i);
    const body = callbackOf(await h.callFor(i, 'POST', '/callback'));
    expect(body.data?.content).toMatch(/manage this server/i);
    expect(await store.subscriptions.get(dc(channel))).toBeUndefined();
  });

  it('subscribes the channel for a member with Manage Server, and posts there at the time', async () => {
    const channel = '320000000000000002';
    const i = slashCommand('subscribe', { time: '09:00', timezone: 'Asia/Almaty' }, { permissions: '32', channelId: channel });
    h.send(i);
    const reply = (await firstReply(h, i)).data;
    expect(reply.embeds?.[0]?.description).toContain('09:00 (Asia/Almaty)');
    expect(await store.subscriptions.get(dc(channel))).toMatchObject({ postMinutes: 540, timeZone: 'Asia/Almaty', group: true });

    clock.set('2024-06-10T04:00:00Z');
    await core.dailyPosts.scheduler!.tick();
    await core.dailyPosts.queue!.drain();
    const post = await h.fake.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages`);
    const body = messageOf(post);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds?.[0]?.description).toMatch(/Fact of the day|On this day|it will be/);
    expect((await store.subscriptions.recent(dc(channel), 1))[0]?.status).toBe('sent');
  });

  it('pauses a channel the bot can no longer post to (50001 Missing Access)', async () => {
    const channel = '320000000000000003';
    const i = slashCommand('subscribe', {}, { permissions: '32', channelId: channel });
    h.send(i);
    await firstReply(h, i);
    h.fake.failChannels.set(channel, { status: 403, code: 50001, message: 'Missing Access' });
    clock.set('2024-06-11T04:00:00Z');
    await core.dailyPosts.scheduler!.tick();
    await core.dailyPosts.queue!.drain();
    expect((await store.chats.get(dc(channel)))?.paused).toBe(true);
    expect((await store.subscriptions.get(dc(channel)))?.active).toBe(false);
    expect((await metrics.expose()).body).toContain('bot_send_failures_total{platform="discord",reason="unavailable"} 1');
  });

  it('answers a press on the question of the day privately: no public message, an ephemeral note', async () => {
    const channel = '320000000000000004';
    const i = slashCommand('subscribe', { time: '09:00', timezone: 'Asia/Almaty' }, { permissions: '32', channelId: channel });
    h.send(i);
    await firstReply(h, i);
    clock.set('2024-06-12T04:00:00Z');
    await core.dailyPosts.scheduler!.tick();
    await core.dailyPosts.queue!.drain();
    const post = messageOf(await h.fake.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages`));
    const ids = (post.components ?? []).flatMap((r) => r.components.map((c) => c.custom_id));
    const item = core.dailyPosts.questions.item((await store.subscriptions.recent(dc(channel), 1))[0]!.plan.question!.id, 'en')!;
    expect(ids).toEqual([...item.choices.map((_, n) => `d:c:20240612:en:${n}`), 'd:s:20240612:en']);

    const press = buttonPress(ids[1]!, { channelId: channel });
    h.send(press);
    // Told to the presser alone (the core's toast), nothing public, the post unchanged.
    const note = await firstReply(h, press);
    expect(note.type).toBe(CALLBACK.reply);
    expect(note.data.flags).toBe(EPHEMERAL);
    expect(h.fake.calls.filter((c) => c.path.includes(press.token))).toHaveLength(1);
    expect(note.data.content).toBe(`Your answer “${item.choices[1]}” is in. The right one comes with the next post.`);
  });
});

// postingCore registers a recording messenger for every platform; starting the adapter must replace it for
// Discord with the real one, or posts would be recorded and never reach Discord.
it('registers a DiscordMessenger at start: the core\'s messages to Discord reach Discord', async () => {
  const channel = '320000000000000009';
  const sent = await core.messengers.send({ platform: 'discord', chatId: channel }, { lang: 'en', text: 'A message from the core', buttons: [] });
  const call = await h.fake.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages`);
  expect(messageOf(call).embeds?.[0]?.description).toContain('A message from the core');
  expect(sent.messageId).toBeTruthy();
  expect(recording.sent.filter((s) => s.to.platform === 'discord')).toEqual([]);
});
