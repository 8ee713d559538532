/**
 * A study session on Discord through the loopback fake: /study posts a question with buttons, two members'
 * presses are confirmed with ephemeral replies, /next and /stop post the leaderboard, a late press scores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_BANK } from '../study/fixture-bank.js';
import { studyCore } from '../study/support.js';
import { callbackOf, messageOf, startHarness, type Harness } from './harness.js';
import { buttonPress, slashCommand } from './payloads.js';

const EPHEMERAL = 64;
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

function open(channelId: string) {
  const s = h.store.study.activeSession({ platform: 'discord', chatId: channelId });
  if (!s) throw new Error('no session');
  return s.questions[s.current]!;
}

describe('a study session on Discord', () => {
  it('runs to its leaderboard: buttons, ephemeral confirmations, a late press, /next', async () => {
    const channelId = channel();
    const start = as(slashCommand('study', { number: '2' }, { channelId }), '501', 'Alice');
    d.send(start);
    const first = messageOf(await d.callFor(start, 'PATCH', '/messages/%40original'));
    expect(first.embeds?.[0]?.description).toContain('Question 1/2');
    const q1 = open(channelId);
    const ids = (first.components ?? []).flatMap((r) => r.components.map((c) => c.custom_id));
    expect((first.components ?? []).flatMap((r) => r.components.map((c) => c.label))).toEqual(q1.choices);

    const right = as(buttonPress(ids[q1.correct]!, { channelId }), '501', 'Alice');
    const wrong = as(buttonPress(ids[(q1.correct + 1) % ids.length]!, { channelId }), '502', 'Bob');
    for (const press of [right, wrong]) {
      d.send(press);
      // Acknowledged without a public message (deferred update), then confirmed to the presser alone.
      expect(callbackOf(await d.callFor(press, 'POST', '/callback')).type).toBe(6);
      const followUp = messageOf(await d.fake.waitForCall((c) => c.method === 'POST' && c.path.includes(`/webhooks/`) && c.path.includes(press.token)));
      expect(followUp.flags).toBe(EPHEMERAL);
      expect(followUp.content).toMatch(/^Your answer “.+” is in/);
    }

    const next = as(slashCommand('next', {}, { channelId }), '501', 'Alice');
    d.send(next);
    const reveal = messageOf(await d.callFor(next, 'PATCH', '/messages/%40original'));
    expect(reveal.embeds?.[0]?.description).toContain('Right: 1 of 2.');
    expect(reveal.embeds?.[0]?.description).toContain(`Answer: ${q1.choices[q1.correct]}`);
    expect(reveal.embeds?.[0]?.description).toContain(FIXTURE_BANK.find((i) => i.id === q1.itemId)!.en.explanation);
    expect(reveal.embeds?.[0]?.description).toMatch(/Source: “Birth of New Kazakhstan \(Part 1\)”/);
    expect(reveal.embeds?.[0]?.description).toContain('Question 2/2');

    // A late press on the first question: closed, privately.
    const late = as(buttonPress(ids[q1.correct]!, { channelId }), '502', 'Bob');
    d.send(late);
    const lateNote = messageOf(await d.fake.waitForCall((c) => c.method === 'POST' && c.path.includes('/webhooks/') && c.path.includes(late.token)));
    expect(lateNote.content).toBe('This question is closed.');
    expect(lateNote.flags).toBe(EPHEMERAL);

    const end = as(slashCommand('next', {}, { channelId }), '501', 'Alice');
    d.send(end);
    const board = messageOf(await d.callFor(end, 'PATCH', '/messages/%40original')).embeds?.[0]?.description ?? '';
    expect(board).toContain('Leaderboard');
    expect(board).toContain('1. Alice — 1 of 1');
    expect(board).toContain('2. Bob — 0 of 1');
    expect(board).toContain('/review');
  });

  it('/stop from a member who did not start it is refused; from the starter it ends with the leaderboard', async () => {
    const channelId = channel();
    const start = as(slashCommand('study', { number: '5' }, { channelId }), '601', 'Carol');
    d.send(start);
    await d.callFor(start, 'PATCH', '/messages/%40original');
    const refused = as(slashCommand('stop', {}, { channelId }), '602', 'Dan');
    d.send(refused);
    const refusal = await d.fake.waitForCall((c) => c.path.includes(refused.token) && (c.method === 'PATCH' || (c.method === 'POST' && c.path.includes('/webhooks/'))));
    expect(JSON.stringify(refusal.body)).toMatch(/Only the member who started/);
    const stop = as(slashCommand('stop', {}, { channelId }), '601', 'Carol');
    d.send(stop);
    const board = messageOf(await d.callFor(stop, 'PATCH', '/messages/%40original')).embeds?.[0]?.description ?? '';
    expect(board).toContain('The session was stopped.');
    expect(board).toContain('Nobody answered.');
    expect(h.store.study.activeSession({ platform: 'discord', chatId: channelId })).toBeUndefined();
  });
});
