import nlp from 'compromise'

/**
 * Stage "analyse", passage side: which kinds of entity a sentence names,
 * read by compromise's part-of-speech and entity tagger rather than by
 * capital letters. Answer types rest on them: a "when" question wants a
 * sentence with a date, "where" a place, "who" a person or organisation,
 * "how many" a number.
 */
export type EntityKind = 'person' | 'organization' | 'place' | 'date' | 'number' | 'properNoun'

export type EntityKinds = ReadonlySet<EntityKind>

const TAG_KINDS: Array<[string, EntityKind]> = [
  ['Person', 'person'],
  ['Organization', 'organization'],
  ['Place', 'place'],
  ['Date', 'date'],
  ['Month', 'date'],
  ['WeekDay', 'date'],
  ['Year', 'date'],
  ['Duration', 'date'],
  ['Value', 'number'],
  ['Money', 'number'],
  ['Percent', 'number'],
  ['ProperNoun', 'properNoun'],
]

/** Sentences repeat across reloads and similar articles: remember each one's kinds (bounded, cleared when full). */
const CACHE = new Map<string, EntityKinds>()
const CACHE_LIMIT = 100_000

interface TaggedTerm {
  tags?: string[]
}

export function entityKinds(sentence: string): EntityKinds {
  const cached = CACHE.get(sentence)
  if (cached) return cached
  const kinds = new Set<EntityKind>()
  const terms = (nlp(sentence).json() as Array<{ terms: TaggedTerm[] }>).flatMap((entry) => entry.terms)
  terms.forEach((term, position) => {
    for (const [tag, kind] of TAG_KINDS) {
      if (!term.tags?.includes(tag)) continue
      // The first word of a sentence is capitalised anyway: as a bare proper noun it says nothing.
      if (kind === 'properNoun' && position === 0) continue
      kinds.add(kind)
    }
  })
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear()
  CACHE.set(sentence, kinds)
  return kinds
}
