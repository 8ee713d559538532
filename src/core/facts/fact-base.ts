import type { QuizItem } from '../study/quiz-bank-schema.js';
import type { ContrastPairs, Entity, Fact, Lang, SourceDoc, SynonymGroups, Topic, UnitWords } from './schema.js';

/** Everything the data files hold, already validated. */
export interface FactBaseData {
  facts: Fact[];
  entities: Entity[];
  topics: Topic[];
  documents: SourceDoc[];
  /** Synonym groups for matching questions (optional). */
  synonyms?: SynonymGroups;
  /** Words that name what a typed number counts (optional). */
  units?: UnitWords;
  /** Word groups that contradict each other, for false premises (optional). */
  contrasts?: ContrastPairs;
  /** The quiz bank (data/quiz), already checked against the facts and topics; empty when there is none. */
  quiz?: QuizItem[];
  /** Ids of the facts /start offers as example questions (data/welcome.json; optional). */
  welcome?: string[];
}

/**
 * The fact base: read-only lookups over the validated data.
 * Built once at start; every other part of the core asks it, never the files.
 */
export class FactBase {
  readonly facts: readonly Fact[];
  readonly entities: readonly Entity[];
  readonly topics: readonly Topic[];
  readonly documents: readonly SourceDoc[];
  readonly synonyms: SynonymGroups;
  readonly units: UnitWords;
  readonly contrasts: ContrastPairs;
  /** The quiz bank's items, in file order. */
  readonly quiz: readonly QuizItem[];
  /** Ids of the facts /start offers as example questions, in order; empty when the data has none. */
  readonly welcome: readonly string[];
  private readonly factById = new Map<string, Fact>();
  private readonly entityById = new Map<string, Entity>();
  private readonly topicById = new Map<string, Topic>();
  private readonly docById = new Map<string, SourceDoc>();
  private readonly factsByEvent = new Map<string, Fact[]>();

  constructor(data: FactBaseData) {
    this.facts = data.facts;
    this.entities = data.entities;
    this.topics = data.topics;
    this.documents = data.documents;
    this.synonyms = data.synonyms ?? [];
    this.units = data.units ?? {};
    this.contrasts = data.contrasts ?? [];
    this.quiz = data.quiz ?? [];
    this.welcome = data.welcome ?? [];
    for (const f of data.facts) {
      this.factById.set(f.id, f);
      if (f.event) this.factsByEvent.set(f.event, [...(this.factsByEvent.get(f.event) ?? []), f]);
    }
    for (const e of data.entities) this.entityById.set(e.id, e);
    for (const t of data.topics) this.topicById.set(t.id, t);
    for (const d of data.documents) this.docById.set(d.id, d);
  }

  fact(id: string): Fact | undefined {
    return this.factById.get(id);
  }
  entity(id: string): Entity | undefined {
    return this.entityById.get(id);
  }
  topic(id: string): Topic | undefined {
    return this.topicById.get(id);
  }
  document(id: string): SourceDoc | undefined {
    return this.docById.get(id);
  }

  /** Facts that belong to one event (speech, meeting, vote), in data order. */
  factsOfEvent(eventId: string): Fact[] {
    return this.factsByEvent.get(eventId) ?? [];
  }

  /** Facts of one topic, in data order. */
  factsOfTopic(topicId: string): Fact[] {
    return this.facts.filter((f) => f.topics.includes(topicId));
  }

  /** Human-readable citation of a fact's source: title, date and section heading. */
  citation(fact: Fact): Citation {
    const doc = this.docById.get(fact.source.doc);
    const section = doc?.sections.find((s) => s.id === fact.source.section);
    return {
      title: doc?.title ?? fact.source.doc,
      date: doc?.date ?? '',
      section: section?.heading ?? fact.source.section,
      paragraph: fact.source.paragraph,
    };
  }

  /** A topic's name in a language. */
  topicName(topicId: string, lang: Lang): string {
    return this.topicById.get(topicId)?.name[lang] ?? topicId;
  }
}

/** Where an answer comes from, as a reader would cite it. */
export interface Citation {
  title: string;
  /** ISO date of the document. */
  date: string;
  /** Section heading. */
  section: string;
  paragraph: number;
}
