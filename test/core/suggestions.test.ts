/**
 * Every question the bot offers, over the whole fact base in every language: topic lists, "or did you mean"
 * choices, related questions, a decline's suggestions and the examples. Each must be a question the bot
 * answers well (asked as typed, it gets a confident answer from that very fact), related to what was asked
 * (a shared event or telling entity, not a word), and no duplicate of another on the same screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoreServices } from '../../src/app/core-services.js';
import { parseAnswerButton, type ChatRequest } from '../../src/core/chat/chat-service.js';
import { isTopicMember } from '../../src/core/facts/topic-members.js';
import { LANGS, type Fact, type Lang } from '../../src/core/facts/schema.js';
import { silentLogger } from '../../src/core/ports.js';
import { sameAnswer } from '../../src/core/resolver/decision.js';
import { DEFAULT_MODEL } from '../../src/core/resolver/model.js';
import { questionType } from '../../src/core/resolver/question-type.js';
import type { Explanation } from '../../src/core/resolver/resolver.js';
import type { Suggestion } from '../../src/core/resolver/types.js';
import { normalize } from '../../src/core/text/normalize.js';
import { DATA_DIR } from '../../src/infra/data-files.js';
import { sharedFacts } from '../support/shared-facts.js';

const { base, resolver } = sharedFacts();
const fact = (id: string): Fact => {
  const f = base.fact(id);
  if (!f) throw new Error(`no fact ${id}`);
  return f;
};

/** Entities that tell nothing about what a fact is about: those involved in a fifth of the facts or more. */
const generic = (() => {
  const counts = new Map<string, number>();
  for (const ids of resolver.index.involved.values()) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= base.facts.length * 0.2).map(([id]) => id));
})();
const telling = (f: Fact) => new Set([...(resolver.index.involved.get(f.id) ?? [])].filter((e) => !generic.has(e)));

const checked = new Map<string, string[]>();
/** Problems of one offered question: empty when the bot answers it well. */
function answeredWell(s: Suggestion, lang: Lang): string[] {
  const key = `${s.factId}:${lang}:${s.question}`;
  const known = checked.get(key);
  if (known) return known;
  const a = resolver.resolve(s.question, { fallbackLang: lang });
  const problems = a.status === 'answered' && a.factIds[0] === s.factId && a.lang === lang ? [] : [`"${s.question}" (${s.factId}, ${lang}) -> ${a.status} ${a.factIds[0] ?? ''}`];
  checked.set(key, problems);
  return problems;
}

/** Problems of one screen: two offered questions (or one and the answer shown) that duplicate each other. */
function duplicates(items: Suggestion[], shownFact?: string): string[] {
  const out: string[] = [];
  const all = shownFact ? [{ factId: shownFact, question: resolver.suggestion(fact(shownFact), 'en').question }, ...items] : items;
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i] as Suggestion;
      const b = all[j] as Suggestion;
      const [ta, tb] = [questionType(normalize(a.question)), questionType(normalize(b.question))];
      const [fa, fb] = [fact(a.factId), fact(b.factId)];
      const oneOccurrence = fa.kind === 'event' && fb.kind === 'event' && sameAnswer(fa, fb, 'when');
      if (a.factId === b.factId || normalize(a.question) === normalize(b.question) || sameAnswer(fa, fb, 'what') || (ta === tb && sameAnswer(fa, fb, ta)) || oneOccurrence)
        out.push(`${a.factId} "${a.question}" ~ ${b.factId} "${b.question}"`);
    }
  return out;
}

/** Whether an offered fact shares an event or a telling entity with the question or the facts it likely means. */
function related(s: Suggestion, e: Explanation): boolean {
  const offered = fact(s.factId);
  const likely = e.candidates.filter((c) => c.probability >= DEFAULT_MODEL.thresholds.unsure / 2).map((c) => c.fact);
  const anchors = [...likely, ...e.answer.factIds.map(fact)];
  if (anchors.some((f) => f.id === offered.id)) return true;
  const mine = telling(offered);
  const named = [...e.analysis.entities.keys()].filter((id) => !generic.has(id));
  if (named.some((id) => mine.has(id))) return true;
  return anchors.some((f) => (f.event !== undefined && f.event === offered.event) || [...telling(f)].some((id) => mine.has(id)));
}

/** What a reply offers as buttons, as the chat service picks them. */
function offered(e: Explanation): Suggestion[] {
  const a = e.answer;
  return a.status === 'unsure' ? a.suggestions.slice(1) : a.status === 'answered' ? a.related : a.suggestions;
}

describe('topic lists', () => {
  it('list, in every language, only questions the bot answers well, of facts the topic rule admits, none twice', () => {
    const problems: string[] = [];
    for (const lang of LANGS)
      for (const topic of base.topics) {
        const list = resolver.topicQuestions(topic.id, lang);
        if (list.length < 3) problems.push(`${topic.id} ${lang}: only ${list.length} questions`);
        for (const s of list) {
          problems.push(...answeredWell(s, lang));
          if (!isTopicMember(fact(s.factId), topic)) problems.push(`${topic.id}: ${s.factId} does not meet the topic's rule`);
        }
        problems.push(...duplicates(list).map((d) => `${topic.id} ${lang}: ${d}`));
      }
    expect(problems).toEqual([]);
  });

  it('files under "People" only who-is facts, and lists the referendum date once, to the day', () => {
    for (const lang of LANGS) {
      expect(resolver.topicQuestions('people', lang).map((s) => fact(s.factId).kind)).toEqual(expect.arrayContaining(['person']));
      expect(new Set(resolver.topicQuestions('people', lang).map((s) => fact(s.factId).kind))).toEqual(new Set(['person']));
      const dated = resolver.topicQuestions('referendum', lang).filter((s) => questionType(normalize(s.question)) === 'when');
      expect(dated.map((s) => fact(s.factId).date?.precision)).toEqual(['day']);
    }
  });

  it('admits by the rule in data/topics.json: every event and entity it names exists', () => {
    const topics = JSON.parse(readFileSync(join(DATA_DIR, 'topics.json'), 'utf8')) as { topics: { id: string; about?: { events?: string[]; entities?: string[] } }[] };
    for (const t of topics.topics) {
      expect(t.about, `${t.id} has a rule`).toBeDefined();
      for (const id of [...(t.about?.events ?? []), ...(t.about?.entities ?? [])]) expect(base.entity(id), `${t.id}: ${id}`).toBeDefined();
    }
  });
});

describe('questions offered with replies', () => {
  // Every alternate question of every fact in every language, and the project's question set (its
  // out-of-scope questions are declined, with suggestions).
  const items: { q: string; lang: Lang }[] = [
    ...base.facts.flatMap((f) => LANGS.flatMap((lang) => f.questions[lang].map((q) => ({ q, lang })))),
    ...readFileSync(join(DATA_DIR, '..', 'test', 'eval', 'questions.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { q: string; lang: Lang }),
  ];
  const replies: { item: { q: string; lang: Lang }; e: Explanation; offered: Suggestion[] }[] = [];
  beforeAll(() => {
    for (const item of items) {
      const e = resolver.explain(item.q, { fallbackLang: item.lang });
      replies.push({ item, e, offered: offered(e) });
    }
  });

  it('are questions the bot answers well', () => {
    const problems = new Set<string>();
    for (const r of replies) for (const s of r.offered) for (const p of answeredWell(s, r.e.answer.lang)) problems.add(p);
    expect([...problems]).toEqual([]);
    expect(replies.filter((r) => r.offered.length > 0).length).toBeGreaterThan(items.length / 2);
  });

  it('are about what was asked: a shared event or entity with the question or the facts it likely means, else the examples', () => {
    const problems: string[] = [];
    const examples = new Map(LANGS.map((lang) => [lang, JSON.stringify(resolver.examples(lang))]));
    for (const r of replies) {
      if (r.e.answer.smallTalk) continue;
      // A decline with nothing telling to relate to offers the examples.
      if (r.e.answer.status === 'unknown' && JSON.stringify(r.offered) === examples.get(r.e.answer.lang)) continue;
      for (const s of r.offered) if (!related(s, r.e)) problems.push(`"${r.item.q}" -> ${r.e.answer.status} ${r.e.answer.factIds[0] ?? ''}: offers ${s.factId} "${s.question}"`);
    }
    expect(problems).toEqual([]);
  });

  it('never offer two questions with the same answer, or the answer just given', () => {
    const problems: string[] = [];
    for (const r of replies) problems.push(...duplicates(r.offered, r.e.answer.status === 'unknown' ? undefined : r.e.answer.factIds[0]).map((d) => `"${r.item.q}": ${d}`));
    expect(problems).toEqual([]);
  });

  it('the examples (/start, inline, a decline with nothing near) are answered well and distinct', () => {
    for (const lang of LANGS) {
      const examples = resolver.examples(lang, 5);
      expect(examples.length).toBe(5);
      expect(examples.flatMap((s) => answeredWell(s, lang))).toEqual([]);
      expect(duplicates(examples)).toEqual([]);
    }
  });
});

describe('through the chat service', () => {
  const member: ChatRequest = { platform: 'terminal', chatId: 'c', userId: 'u', chatKind: 'private' };
  const chat = () => createCoreServices({ ...sharedFacts(), clock: { now: () => new Date('2026-06-05T04:00:00Z') }, logger: silentLogger }).chat;

  it('/topics → "The 2022 referendum": one question about its date, and it is answered with 5 June', async () => {
    const service = chat();
    const topics = await service.command(member, 'topics', '');
    const referendum = topics?.buttons.flat().find((b) => b.label === 'The 2022 referendum');
    expect(referendum).toBeDefined();
    const list = await service.action(member, referendum?.data ?? '');
    const labels = list?.buttons.flat().map((b) => b.label) ?? [];
    const dateQuestions = labels.filter((l) => /^when\b/i.test(l));
    expect(dateQuestions).toHaveLength(1);
    const answer = await service.question(member, dateQuestions[0] ?? '');
    expect(answer.answer?.status).toBe('answered');
    expect(answer.text).toMatch(/June 5, 2022/);
  });

  it('/topics → "People" (Russian) lists people, not Nauryz', async () => {
    const service = chat();
    const list = await service.action({ ...member, userLang: 'ru' }, 't:people');
    const labels = list?.buttons.flat().map((b) => b.label) ?? [];
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.join('\n')).not.toMatch(/Наурыз/);
    expect(labels.every((l) => /^(Кто|Кем)/.test(l))).toBe(true);
  });

  it('/start offers, in every language, questions answered outright, none twice', async () => {
    const service = chat();
    for (const lang of LANGS) {
      const start = await service.command({ ...member, userLang: lang }, 'start', '');
      const offered = (start?.buttons.flat() ?? []).flatMap((b) => {
        const pressed = parseAnswerButton(b.data);
        return pressed ? [{ factId: pressed.factId, question: b.label }] : [];
      });
      expect(offered.length).toBeGreaterThanOrEqual(3);
      expect(offered.flatMap((s) => answeredWell(s, lang))).toEqual([]);
      expect(duplicates(offered)).toEqual([]);
    }
  });

  it('a question about the president\'s family offers nothing about Kobrinsky', async () => {
    const service = chat();
    for (const q of ["Tell me about the president's family", "Who is the president's wife?", 'Кто жена президента?']) {
      const reply = await service.question(member, q);
      expect(reply.buttons.flat().map((b) => b.label).join('\n'), q).not.toMatch(/Kobrinsky|Кобринск/);
    }
  });
});
