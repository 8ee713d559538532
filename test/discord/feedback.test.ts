/** "Not what I asked" on Discord: the real discord.js client against the loopback fake, the real core with an SQLite log. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggingCore } from '../questions/support.js';
import { callbackOf, messageOf, startHarness, type Harness } from './harness.js';
import { buttonPress, slashCommand } from './payloads.js';

const EPHEMERAL = 64;
const { core, store } = loggingCore();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ core });
});
afterAll(async () => {
  await h.close();
});

describe('"Not what I asked" on Discord', () => {
  it('is a button under an /ask answer; a press is acknowledged silently, thanked ephemerally and logged', async () => {
    const channelId = '320000000000000001';
    const ask = slashCommand('ask', { question: 'When was the constitutional referendum held?' }, { channelId });
    h.send(ask);
    const answer = messageOf(await h.callFor(ask, 'PATCH', '/messages/%40original'));
    const buttons = answer.components?.flatMap((r) => r.components) ?? [];
    const feedback = buttons.at(-1);
    expect(feedback?.label).toBe('Not what I asked');
    expect(feedback?.custom_id).toMatch(/^f:en:[\w-]+$/);

    const press = buttonPress(feedback!.custom_id, { channelId });
    h.send(press);
    // Acknowledged as an update (no public "thinking…"), then told to the presser alone.
    expect(callbackOf(await h.callFor(press, 'POST', '/callback')).type).toBe(6);
    const note = messageOf(await h.fake.waitForCall((c) => c.method === 'POST' && c.path.includes('/webhooks/') && c.path.includes(press.token)));
    expect(note.flags).toBe(EPHEMERAL);
    expect(note.content).toBe('Thank you! The question is noted, so that the answers can be improved.');
    await core.questionLog?.flush();
    expect(await store.questionLog.list({ since: 0 })).toMatchObject([
      { text: 'When was the constitutional referendum held?', lang: 'en', status: 'wrong', platform: 'discord', chatKind: 'group', factId: 'referendum-june-5' },
    ]);
  });
});
