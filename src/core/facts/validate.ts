import type { z } from 'zod';
import type { FactBaseData } from './fact-base.js';
import { LANGS, placesOf, type Fact } from './schema.js';

/** A problem found in the data, named by file, fact id and field. */
export interface DataProblem {
  file: string;
  /** What the id names: a fact (the default) or a quiz item. */
  record?: 'fact' | 'item';
  id?: string;
  field?: string;
  message: string;
}

/** Turns a zod error over a data file into problems that name the fact id and the field. */
export function zodProblems(file: string, error: z.ZodError, raw: unknown): DataProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    let id: string | undefined;
    // Paths look like ["facts", 3, "answer", "kk"]: name the record by its id, not its index.
    if (path.length >= 2 && typeof raw === 'object' && raw !== null) {
      const list = (raw as Record<string, unknown>)[path[0] ?? ''];
      const index = Number(path[1]);
      if (Array.isArray(list) && Number.isInteger(index)) {
        const rec = list[index] as { id?: unknown } | undefined;
        id = typeof rec?.id === 'string' ? rec.id : `#${index}`;
      }
    }
    return { file, id, field: path.slice(2).join('.') || path.join('.'), message: issue.message };
  });
}

/** The references of a fact's typed fields: its event, speaker, value entity, list parts and explained facts. */
function typedFieldProblems(f: Fact, factIds: ReadonlySet<string>, entityKinds: ReadonlyMap<string, string>): DataProblem[] {
  const file = 'data/facts';
  const out: DataProblem[] = [];
  const expectEntity = (id: string | undefined, kinds: readonly string[], field: string) => {
    if (id === undefined) return;
    const kind = entityKinds.get(id);
    if (!kind) out.push({ file, id: f.id, field, message: `unknown entity "${id}"` });
    else if (!kinds.includes(kind)) out.push({ file, id: f.id, field, message: `entity "${id}" is a ${kind}, not ${kinds.join(' or ')}` });
  };
  expectEntity(f.event, ['event'], 'event');
  expectEntity(f.speaker, ['person'], 'speaker');
  if (f.value?.type === 'entity') expectEntity(f.value.entity, [...entityKinds.values()], 'value.entity');
  const refs = [...(f.explains ?? []).map((r) => ['explains', r] as const), ...(f.value?.type === 'list' ? f.value.parts ?? [] : []).map((r) => ['value.parts', r] as const)];
  for (const [field, r] of refs)
    if (!factIds.has(r) || r === f.id) out.push({ file, id: f.id, field, message: `unknown or self fact id "${r}"` });
  return out;
}

/** Cross-file checks that a schema alone cannot express. */
export function crossCheck(data: FactBaseData): DataProblem[] {
  const problems: DataProblem[] = [];
  const file = 'data/facts';
  const ids = new Set<string>();
  for (const f of data.facts) {
    if (ids.has(f.id)) problems.push({ file, id: f.id, field: 'id', message: 'duplicate id' });
    ids.add(f.id);
  }
  for (const id of data.welcome ?? [])
    if (!ids.has(id)) problems.push({ file: 'data/welcome.json', field: 'examples', message: `unknown fact id "${id}"` });
  const entityIds = new Set(data.entities.map((e) => e.id));
  const entityKinds = new Map(data.entities.map((e) => [e.id, e.kind]));
  const topicIds = new Set(data.topics.map((t) => t.id));
  for (const e of data.entities) {
    if (e.identity === undefined) continue;
    const fact = data.facts.find((f) => f.id === e.identity);
    if (!fact?.entities.includes(e.id))
      problems.push({ file: 'data/entities.json', id: e.id, field: 'identity', message: fact ? `fact "${e.identity}" does not name "${e.id}" among its entities` : `unknown fact id "${e.identity}"` });
  }
  for (const t of data.topics)
    for (const [field, ids] of [['about.events', t.about?.events ?? []], ['about.entities', t.about?.entities ?? []]] as const)
      for (const e of ids)
        if (!entityIds.has(e) || (field === 'about.events' && entityKinds.get(e) !== 'event'))
          problems.push({ file: 'data/topics.json', id: t.id, field, message: `unknown ${field === 'about.events' ? 'event' : 'entity'} "${e}"` });
  for (const f of data.facts) {
    for (const r of f.related)
      if (!ids.has(r)) problems.push({ file, id: f.id, field: 'related', message: `unknown fact id "${r}"` });
    for (const e of f.entities)
      if (!entityIds.has(e)) problems.push({ file, id: f.id, field: 'entities', message: `unknown entity "${e}"` });
    for (const t of f.topics)
      if (!topicIds.has(t)) problems.push({ file, id: f.id, field: 'topics', message: `unknown topic "${t}"` });
    problems.push(...typedFieldProblems(f, ids, entityKinds));
    if (f.value?.type === 'number' && data.units && !(f.value.unit in data.units))
      problems.push({ file, id: f.id, field: 'value.unit', message: `unit "${f.value.unit}" is not in data/units.json` });
    const doc = data.documents.find((d) => d.id === f.source.doc);
    if (!doc) {
      problems.push({ file, id: f.id, field: 'source.doc', message: `unknown document "${f.source.doc}"` });
      continue;
    }
    for (const place of placesOf(f.source)) {
      const section = doc.sections.find((s) => s.id === place.section);
      if (!section) problems.push({ file, id: f.id, field: 'source.section', message: `unknown section "${place.section}"` });
      else if (place.paragraph > section.paragraphs)
        problems.push({
          file,
          id: f.id,
          field: 'source.paragraph',
          message: `section "${section.id}" has ${section.paragraphs} paragraphs, not ${place.paragraph}`,
        });
    }
    for (const lang of LANGS)
      if (f.questions[lang].length === 0)
        problems.push({ file, id: f.id, field: `questions.${lang}`, message: 'no questions' });
  }
  // An alias must point at one fact, or at facts that say they are related.
  const owners = new Map<string, string[]>();
  for (const f of data.facts)
    for (const a of new Set(f.aliases.map((x) => x.toLowerCase()))) owners.set(a, [...(owners.get(a) ?? []), f.id]);
  const byId = new Map(data.facts.map((f) => [f.id, f]));
  for (const [alias, factIds] of owners) {
    for (let i = 0; i < factIds.length; i++)
      for (let j = i + 1; j < factIds.length; j++) {
        const a = byId.get(factIds[i] ?? '');
        const b = byId.get(factIds[j] ?? '');
        if (a && b && !a.related.includes(b.id) && !b.related.includes(a.id))
          problems.push({
            file,
            id: a.id,
            field: 'aliases',
            message: `alias "${alias}" is also claimed by unrelated fact "${b.id}"`,
          });
      }
  }
  return problems;
}
