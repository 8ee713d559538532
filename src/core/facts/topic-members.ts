import type { FactBase } from './fact-base.js';
import type { Fact, Topic } from './schema.js';

/**
 * Whether a fact belongs on a topic's list: it is tagged with the topic, and it meets the topic's `about`
 * rule (data/topics.json): it belongs to one of the rule's events or names one of its entities (when the
 * rule gives any), and is of one of its kinds (when the rule gives any). The tag says what a fact may be
 * filed under; the rule checks it against what the fact is about, so a Nauryz greeting is not "People".
 */
export function isTopicMember(fact: Fact, topic: Topic): boolean {
  if (!fact.topics.includes(topic.id)) return false;
  const about = topic.about;
  if (!about) return true;
  const things = new Set<string>([...fact.entities, ...(fact.event ? [fact.event] : []), ...(fact.speaker ? [fact.speaker] : [])]);
  if (fact.value?.type === 'entity') things.add(fact.value.entity);
  const named = [...about.events, ...about.entities];
  if (named.length > 0 && !named.some((id) => things.has(id))) return false;
  return about.kinds.length === 0 || about.kinds.includes(fact.kind);
}

/** The facts of a topic's list, in data order. */
export function topicMembers(base: FactBase, topicId: string): Fact[] {
  const topic = base.topic(topicId);
  return topic ? base.facts.filter((f) => isTopicMember(f, topic)) : [];
}
