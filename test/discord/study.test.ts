/**
 * A study session on Discord through the loopback fake: /study posts a question with buttons, two members'
 * presses are confirmed with ephemeral replies, /next and /stop post the leaderboard, a late press scores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_BANK } from '../study/fixture-bank.js';
import { studyCore } from '../study/support.js';
import { CALLBACK, EPHEMERAL, firstReply, startHarness, type Harness } from './harness.js';
import { buttonPress, slashCommand } from './payloads.js';

// The fixture bank: real items whose explanations and citations the reveals must show.
const h = studyCore({ bank: FIXTURE_BANK });
let d: Harness;

beforeAll(async () => {
  d = await startHarness({ chat: h.core.chat });
});
afterAll(async () => {
  h.core.study?.close();
  await d.close();
});

let channels = 0;
function channel(): string {
  channels += 1;
  return (320000000000000000n + BigInt(channels)).toString();
}

/** The same payload from another member of the server. */
function as<T extends Record<string, unknown>>(payload: T, id: string, name: string): T {
  const user = { id, username: name.toLowerCase(), discriminator: '0', global_name: name, avatar: null, public_flags: 0 };
  const member = payload.member as Record<string, unknown> | undefined;
  return { ...payload, ...(member ? { member: { ...member, user } } : { user }) };
}

async function open(channelId: string) {
  const s = await h.store.study.activeSession({ platform: 'discord', chatId: channelId });
  if (!s) throw new Error('no session');
  return s.questions[s.current]!;
}

describe('a study session on Discord', () => {
  it('runs to its leaderboard: buttons, ephemeral confirmations, a late press, /next', async () => {
    const channelId = channel();
    const start = as(slashCommand('study', { number: '2' }, { channelId }), '501', 'Alice');
    d.send(start);
    const first = (await firstReply(d, start)).data;
    expect(first.embeds?.[0]?.description).toContain('Question 1/2');
    const q1 = await open(channelId);
    const ids = (first.components ?? []).flatMap((r) => r.components.map((c) => c.custom_id));
    expect((first.components ?? []).flatMap((r) => r.components.map((c) => c.label))).toEqual(q1.choices);

    const right = as(buttonPress(ids[q1.correct]!, { channelId }), '501', 'Alice');
    const wrong = as(buttonPress(ids[(q1.correct + 1) % ids.length]!, { channelId }), '502', 'Bob');
    for (const press of [right, wrong]) {
      d.send(press);
      // Confirmed to the presser alone (the core's toast); nothing public.
      const confirmation = await firstReply(d, press);
      expect(confirmation).toMatchObject({ type: CALLBACK.reply, data: { flags: EPHEMERAL } });
      expect(confirmation.data.content).toMatch(/^Your answer “.+” is in/);
    }

    const next = as(slashCommand('next', {}, { channelId }), '501', 'Alice');
    d.send(next);
    const reveal = (await firstReply(d, next)).data;
    expect(reveal.embeds?.[0]?.description).toContain('Right: 1 of 2.');
    expect(reveal.embeds?.[0]?.description).toContain(`Answer: ${q1.choices[q1.correct]}`);
    expect(reveal.embeds?.[0]?.description).toContain(FIXTURE_BANK.find((i) => i.id === q1.itemId)!.en.explanation);
    expect(reveal.embeds?.[0]?.description).toMatch(/Source: “Birth of New Kazakhstan \(Part 1\)”/);
    expect(reveal.embeds?.[0]?.description).toContain('Question 2/2');

    // A late press on the first question: closed, privately.
    const late = as(buttonPress(ids[q1.correct]!, { channelId }), '502', 'Bob');
    d.send(late);
    const lateNote = (await firstReply(d, late)).data;
    expect(lateNote.content).toBe('This question is closed.');
    expect(lateNote.flags).toBe(EPHEMERAL);

    const end = as(slashCommand('next', {}, { channelId }), '501', 'Alice');
    d.send(end);
    const board = (await firstReply(d, end)).data.embeds?.[0]?.description ?? '';
    expect(board).toContain('Leaderboard');
    // Bob did not answer the second question: it counts as asked, for both.
    expect(board).toContain('1. Alice — 1 of 2');
    expect(board).toContain('2. Bob — 0 of 2');
    // No link into a private chat on Discord: the core's words for the review instead, naming no platform.
    expect(board).toContain('To review your misses, send me /review in a private message.');
    expect(board).not.toMatch(/Telegram/);
  });

  it('/stop from a member who did not start it is refused; from the starter it ends with the leaderboard', async () => {
    const channelId = channel();
    const start = as(slashCommand('study', { number: '5' }, { channelId }), '601', 'Carol');
    d.send(start);
    await firstReply(d, start);
    const refused = as(slashCommand('stop', {}, { channelId }), '602', 'Dan');
    d.send(refused);
    const refusal = await firstReply(d, refused);
    expect(refusal.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(refusal.data)).toMatch(/Only the member who started/);
    const stop = as(slashCommand('stop', {}, { channelId }), '601', 'Carol');
    d.send(stop);
    const board = (await firstReply(d, stop)).data.embeds?.[0]?.description ?? '';
    expect(board).toContain('The quiz was stopped.');
    expect(board).toContain('Nobody answered.');
    expect(await h.store.study.activeSession({ platform: 'discord', chatId: channelId })).toBeUndefined();
  });

  it('alone in a DM, a press turns the question into its reveal in place (the core says so), not a new message', async () => {
    const start = slashCommand('study', { number: '2' }, { dm: true });
    d.send(start);
    const first = (await firstReply(d, start)).data;
    expect(first.embeds?.[0]?.description).toContain('Question 1/2');
    const s = await h.store.study.activeSession({ platform: 'discord', chatId: '555555555555555555' });
    const q = s!.questions[0]!;
    const ids = (first.components ?? []).flatMap((r) => r.components.map((c) => c.custom_id));
    const press = buttonPress(ids[q.correct]!, { dm: true });
    d.send(press);
    const update = await firstReply(d, press);
    expect(update.type).toBe(CALLBACK.update);
    expect(update.data.embeds?.[0]?.description).toContain(`Answer: ${q.choices[q.correct]}`);
    expect(update.data.embeds?.[0]?.description).toContain('Question 2/2');
    expect(d.fake.calls.filter((c) => c.path.includes(press.token))).toHaveLength(1);
  });
});
