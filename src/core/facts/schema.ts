import { z } from 'zod';

/** The languages every piece of user-facing text must exist in. */
export const LANGS = ['en', 'ru', 'kk'] as const;
/** One of the bot's languages. */
export type Lang = (typeof LANGS)[number];

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Text in every language the bot speaks. */
export const localizedText = z.object({ en: nonEmpty, ru: nonEmpty, kk: nonEmpty }).strict();
/** A list of strings per language (alternate questions); every language needs at least one. */
export const localizedList = z
  .object({ en: z.array(nonEmpty).min(1), ru: z.array(nonEmpty).min(1), kk: z.array(nonEmpty).min(1) })
  .strict();

export type LocalizedText = z.infer<typeof localizedText>;

/** How precisely the source dates something. */
export const datePrecision = z.enum(['day', 'month', 'year', 'season', 'vague']);

/**
 * A date as precise as the source gives it. `value` is ISO-like and only as long as the precision allows
 * (`2022-06-05`, `2022-06`, `2022`). `derived` explains a value the text implies but does not write.
 */
export const factDate = z
  .object({
    value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
    precision: datePrecision,
    /** How to say the date when it is vague ("on a Monday shortly before 24 March 2023"). */
    text: localizedText.optional(),
    /** Why this value, when the source implies it rather than writes it. */
    derived: nonEmpty.optional(),
    /**
     * The whole date is worked out, not written (the treaty's signing, from its 30th anniversary): it may be
     * computed with, but it is never told as an event of that day.
     */
    inferred: z.boolean().optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const parts = d.value.split('-').length;
    const need = d.precision === 'day' ? 3 : d.precision === 'month' ? 2 : d.precision === 'year' ? 1 : 0;
    if (need && parts !== need) ctx.addIssue({ code: 'custom', message: `precision ${d.precision} needs ${need} date part(s)` });
    if ((d.precision === 'vague' || d.precision === 'season') && !d.text)
      ctx.addIssue({ code: 'custom', message: 'a vague date must say how vague in `text`' });
  });

/** Where in a source document a fact is stated. */
export const locator = z
  .object({
    doc: nonEmpty,
    /** Section id from data/sources.json. */
    section: nonEmpty,
    /** 1-based paragraph number within the section (non-empty lines after the heading). */
    paragraph: z.number().int().positive(),
    /**
     * Further paragraphs the fact also draws on: a number for a paragraph of the same section, or
     * `{ section, paragraph }` for one in another section (a fact the source states twice).
     */
    also: z
      .array(z.union([z.number().int().positive(), z.object({ section: nonEmpty, paragraph: z.number().int().positive() }).strict()]))
      .optional(),
  })
  .strict();

/** One paragraph of a source document. */
export interface Place {
  section: string;
  paragraph: number;
}

/** Every paragraph a fact draws on: its locator's paragraph first, then the others. */
export function placesOf(source: z.infer<typeof locator>): Place[] {
  return [
    { section: source.section, paragraph: source.paragraph },
    ...(source.also ?? []).map((p) => (typeof p === 'number' ? { section: source.section, paragraph: p } : p)),
  ];
}

/** A yes/no question with the answer the source supports. */
export const yesNoQuestion = z.object({ q: nonEmpty, a: z.enum(['yes', 'no']) }).strict();

export const factKind = z.enum([
  'event',
  'figure',
  'person',
  'organization',
  'place',
  'measure',
  'statement',
  'cause',
  'term',
  'document',
]);
export type FactKind = z.infer<typeof factKind>;

/** A value the text implies but does not write, with the reasoning. */
export const derivedValue = z.object({ value: nonEmpty, reasoning: nonEmpty }).strict();

/** How a number is qualified in the source: "more than 70%", "no more than $115", "nearly a third". */
export const numberQualifier = z.enum(['exact', 'more-than', 'at-least', 'less-than', 'at-most', 'about', 'nearly']);
export type NumberQualifier = z.infer<typeof numberQualifier>;

/**
 * The typed value a fact states, for operators that compute with it (count a list, compare two numbers,
 * tell who): a number with its unit and qualifier, the items of a list, or an entity.
 */
export const typedValue = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('number'),
      number: z.number(),
      /** What is counted, as a short unit id: `percent`, `usd-per-month`, `people`, `years`, `places`, `terms`… */
      unit: nonEmpty,
      qualifier: numberQualifier.default('exact'),
    })
    .strict(),
  z
    .object({
      type: z.literal('list'),
      /** The items, in each language, in the same order; each a short noun phrase. */
      items: localizedList,
      /** Facts that tell each item on its own, where there are such facts. */
      parts: z.array(nonEmpty).optional(),
    })
    .strict()
    .superRefine((v, ctx) => {
      if (v.items.ru.length !== v.items.en.length || v.items.kk.length !== v.items.en.length)
        ctx.addIssue({ code: 'custom', message: 'every language must list the same number of items' });
    }),
  z.object({ type: z.literal('entity'), entity: nonEmpty }).strict(),
]);
export type TypedValue = z.infer<typeof typedValue>;

/** The kinds of question the resolver tells apart (see src/core/resolver/question-type.ts). */
export const questionKind = z.enum(['when', 'who', 'where', 'howmany', 'why', 'list', 'yesno', 'what']);

/**
 * Something people ask about a fact that the source leaves unsaid (the amount of a wage rise, what two
 * leaders agreed). A question about it is declined honestly, with what the source does say.
 */
export const gapSchema = z
  .object({
    /** What the source does not say, as a phrase that completes "The source does not say …". */
    about: localizedText,
    /** Words (any language) that ask for the missing information. */
    keywords: z.array(nonEmpty).default([]),
    /** Question kinds that ask for it (a "how many" about a figure the text never gives). */
    types: z.array(questionKind).default([]),
  })
  .strict();

/** One fact of the fact base. See data/README.md for the meaning of every field. */
export const factSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
    kind: factKind,
    date: factDate.optional(),
    title: localizedText,
    /** The direct answer to the main question, first (a date, a number, a name), in few words. */
    short: localizedText,
    /** The reply: one to three sentences, own words, the direct answer first. */
    answer: localizedText,
    /** The ways people ask for this fact, per language. */
    questions: localizedList,
    /** Yes/no questions this fact settles, per language. */
    yesno: z
      .object({ en: z.array(yesNoQuestion), ru: z.array(yesNoQuestion), kk: z.array(yesNoQuestion) })
      .partial()
      .strict()
      .optional(),
    /** Keywords and spelling variants that point at this fact in any language. */
    aliases: z.array(nonEmpty).default([]),
    /** Entity ids from data/entities.json. */
    entities: z.array(nonEmpty).default([]),
    /** Topic ids from data/topics.json. */
    topics: z.array(nonEmpty).min(1),
    /** Ids of facts worth asking about next. */
    related: z.array(nonEmpty).default([]),
    /** What people ask about this fact that the source does not say. */
    gaps: z.array(gapSchema).optional(),
    /** Numbers, names or dates the answer states that are implied rather than written in the source. */
    derived: z.array(derivedValue).optional(),
    /** The event, speech or meeting (an entity of kind `event`) the fact belongs to: facts of one event are told together. */
    event: nonEmpty.optional(),
    /** Who says it (a person entity), when the fact is someone's statement. */
    speaker: nonEmpty.optional(),
    /** The value the fact states, typed for operators (counting, comparing). */
    value: typedValue.optional(),
    /** For a reason: the facts whose "why" it answers. */
    explains: z.array(nonEmpty).optional(),
    source: locator,
  })
  .strict();
export type Fact = z.infer<typeof factSchema>;

/** A file under data/facts/: a list of facts. */
export const factFileSchema = z.object({ facts: z.array(factSchema).min(1) }).strict();

/** A named thing the source mentions (person, organisation, place…), with its spellings. */
export const entitySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    kind: z.enum(['person', 'organization', 'party', 'place', 'event', 'holiday', 'document', 'group', 'term']),
    name: localizedText,
    /** Other spellings, transliterations and short forms in any language. */
    aliases: z.array(nonEmpty).default([]),
    /**
     * How people describe it without naming it, per language ("the ambassador", "the northern neighbour",
     * "the spring holiday"): a question that uses a descriptor asks about this entity.
     */
    descriptors: z
      .object({ en: z.array(nonEmpty), ru: z.array(nonEmpty), kk: z.array(nonEmpty) })
      .partial()
      .strict()
      .optional(),
    /**
     * The fact that says who or what it is: a question that asks nothing but who or what it is ("Кобринский
     * кім?", "What is AENS?") is answered by this fact.
     */
    identity: nonEmpty.optional(),
    /** For an event: when it happened, as precisely as the source says. */
    date: factDate.optional(),
    /**
     * For an event: the event that came just before it, where the source orders the two but its dates cannot
     * (the Mazhilis elections came "the day before" Nauryz).
     */
    follows: nonEmpty.optional(),
    /**
     * What people ask about this entity that the source never says (a person's birth year, a country's
     * independence): a question that names the entity and uses one of the keywords (and, when `types` are
     * given, is of one of those types) is declined honestly, whatever fact it resembles.
     */
    gaps: z.array(gapSchema).optional(),
  })
  .strict();
export type Entity = z.infer<typeof entitySchema>;
export const entityFileSchema = z.object({ entities: z.array(entitySchema).min(1) }).strict();

/** A subject area, as `/topics` shows it and as `/study` accepts it. */
export const topicSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: localizedText,
    /** Words by which people name the topic ("referendum", "референдум"). */
    aliases: z.array(nonEmpty).default([]),
    /**
     * What the topic's facts are about, for the questions `/topics` lists (see topic-members.ts): a fact
     * tagged with the topic is listed when it belongs to one of `events` or involves one of `entities` (when
     * either is given), and is of one of `kinds` (when given).
     */
    about: z
      .object({
        /** Event entity ids (a fact's `event`). */
        events: z.array(nonEmpty).default([]),
        /** Entity ids the fact names. */
        entities: z.array(nonEmpty).default([]),
        /** Fact kinds (`person` for the people topic). */
        kinds: z.array(factKind).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Topic = z.infer<typeof topicSchema>;
export const topicFileSchema = z.object({ topics: z.array(topicSchema).min(1) }).strict();

/** A section of a source document, as the locators name it. */
export const sourceSectionSchema = z
  .object({ id: nonEmpty, heading: nonEmpty, paragraphs: z.number().int().positive() })
  .strict();

/** A source document the facts come from. */
export const sourceDocSchema = z
  .object({
    id: nonEmpty,
    title: nonEmpty,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** File name under the sources folder. */
    file: nonEmpty,
    sections: z.array(sourceSectionSchema).min(1),
  })
  .strict();
export type SourceDoc = z.infer<typeof sourceDocSchema>;
export const sourceFileSchema = z.object({ documents: z.array(sourceDocSchema).min(1) }).strict();

/**
 * Words that mean the same to someone asking (in any of the languages): "post", "office", "должность".
 * A question word also matches the other words of its group, a little more weakly.
 */
export const synonymFileSchema = z
  .object({ groups: z.array(z.array(z.string().trim().regex(/^[\p{L}\p{N}'-]+$/u, 'a synonym is one word')).min(2)) })
  .strict();
export type SynonymGroups = z.infer<typeof synonymFileSchema>['groups'];

/**
 * Words by which a question names what it counts, per unit of a typed number (`people`: "people",
 * "человек", "адам"): a "how many" that counts something else is not answered by that number.
 */
export const unitFileSchema = z
  .object({ units: z.record(z.string().regex(/^[a-z-]+$/), localizedList) })
  .strict();
export type UnitWords = z.infer<typeof unitFileSchema>['units'];

/**
 * Pairs of word groups that contradict each other ("created for the first time" / "re-established",
 * "more powers" / "stripped of powers"): a yes/no question that says one while its answer says the other
 * rests on a false premise, and the answer is "no".
 */
export const contrastFileSchema = z
  .object({ pairs: z.array(z.object({ a: localizedList, b: localizedList }).strict()) })
  .strict();
export type ContrastPairs = z.infer<typeof contrastFileSchema>['pairs'];

/**
 * The questions /start offers as buttons (data/welcome.json): facts that show what the bot is good at, each
 * asked with its first well-formed question in the user's language. A test checks that each one is answered.
 */
export const welcomeFileSchema = z
  .object({ examples: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a fact id')).min(1).max(4) })
  .strict();
