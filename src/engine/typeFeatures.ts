import { entityKinds, type EntityKind, type EntityKinds } from '../search/entities.ts'
import type { QuestionType } from './types.ts'

/**
 * Whether a sentence holds the kind of thing a question type asks for, from
 * the entities the tagger found in it: a date for "when", a count for
 * "how many", a count or an amount (money, a share) for "how much" or "how large", a length of time for "how long", a person or organisation for "who", a place for "where".
 * "Why" has no entity: a causal connective stands for it.
 */
const WANTED: Record<QuestionType, EntityKind[]> = {
  when: ['date'],
  // "How many customers": a count. "How much", "how large", "what share": a count or an amount of money or a share.
  howMany: ['number'],
  howMuch: ['number', 'amount'],
  // "How long…", "within what period": a length of time ("97 days", "two weeks").
  howLong: ['duration'],
  who: ['person', 'organization', 'properNoun'],
  where: ['place'],
  why: [],
  what: [],
}

const CAUSE = /\b(?:because|due to|owing to|caused by|citing|after|since|following|in the wake of|amid|as a result|so that|in order to|aimed at)\b/i

/**
 * A place stated as where something is or happens: a name after a preposition of place ("in
 * Turkey", "at the Harbour Stadium", "near Lintmouth"). "Turkey-mediated talks" or "talks between
 * Islamabad and Kabul" name places as parties, not as where. A month or day after "in" is a date.
 */
const LOCATED = /\b(?:in|at|near|outside|inside|across|into|off|around|throughout)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)\p{Lu}/u

/** `kinds` are the text's entity kinds when already known (the index keeps them for every sentence). */
export function hasTypeFeature(type: QuestionType, text: string, kinds: EntityKinds = entityKinds(text)): boolean {
  if (type === 'why') return CAUSE.test(text)
  if (type === 'where') return kinds.has('place') && LOCATED.test(text)
  return WANTED[type].some((kind) => kinds.has(kind))
}
