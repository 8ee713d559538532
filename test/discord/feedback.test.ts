/** "Not what I asked" on Discord: the real discord.js client against the loopback fake, the real core with an SQLite log. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggingCore } from '../questions/support.js';
import { CALLBACK, EPHEMERAL, firstReply, startHarness, type Harness } from './harness.js';
import { buttonPress, slashCommand } from './payloads.js';

const { core, store } = loggingCore();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ core });
});
afterAll(async () => {
  await h.close();
});

describe('"Not what I asked" on Discord', () => {
  it('is a button under an /ask answer; a press is thanked to the presser alone and logged', async () => {
    const channelId = '320000000000000001';
    const ask = slashCommand('ask', { question: 'When was the constitutional referendum held?' }, { channelId });
    h.send(ask);
    const answer = (await firstReply(h, ask)).data;
    const buttons = answer.components?.flatMap((r) => r.components) ?? [];
    const feedback = buttons.at(-1);
    expect(feedback?.label).toBe('Not what I asked');
    expect(feedback?.custom_id).toMatch(/^f:en:[\w-]+$/);

    const press = buttonPress(feedback!.custom_id, { channelId });
    h.send(press);
    // The core's toast: a reply only the presser sees, and nothing else.
    const note = await firstReply(h, press);
    expect(note).toMatchObject({ type: CALLBACK.reply, data: { flags: EPHEMERAL } });
    expect(h.fake.calls.filter((c) => c.path.includes(press.token))).toHaveLength(1);
    expect(note.data.content).toBe('Thank you! The question is noted, so that the answers can be improved.');
    await core.questionLog?.flush();
    expect(await store.questionLog.list({ since: 0 })).toMatchObject([
      { text: 'When was the constitutional referendum held?', lang: 'en', status: 'wrong', platform: 'discord', chatKind: 'group', factId: 'referendum-june-5' },
    ]);
  });
});
