import MiniSearch from 'minisearch'
import type { Passage } from '../passages/types.ts'
import { termOf, termsOf, tokenize } from './terms.ts'

/** How much a match in each field counts, relative to the passage text. */
export const FIELD_BOOSTS = { text: 1, speakers: 2, roles: 0.3, outlets: 1.5, section: 0.4 } as const

interface IndexedPassage {
  id: number
  text: string
  speakers: string
  roles: string
  outlets: string
  section: string
}

/** The corpus vocabulary: each term with the number of passages it occurs in. */
export class Vocabulary {
  readonly #documentFrequency = new Map<string, number>()
  readonly #byLength = new Map<number, string[]>()
  readonly passageCount: number

  constructor(passageTerms: Iterable<Set<string>>) {
    let count = 0
    for (const terms of passageTerms) {
      count++
      for (const term of terms) this.#documentFrequency.set(term, (this.#documentFrequency.get(term) ?? 0) + 1)
    }
    this.passageCount = count
    for (const term of this.#documentFrequency.keys()) {
      const bucket = this.#byLength.get(term.length) ?? []
      bucket.push(term)
      this.#byLength.set(term.length, bucket)
    }
  }

  has(term: string): boolean {
    return this.#documentFrequency.has(term)
  }

  /** Number of passages containing the term. */
  documentFrequency(term: string): number {
    return this.#documentFrequency.get(term) ?? 0
  }

  /** Inverse document frequency; an unknown term gets the rarest possible weight. */
  idf(term: string): number {
    const frequency = this.#documentFrequency.get(term) ?? 0
    return Math.log(1 + (this.passageCount + 1) / (frequency + 0.5))
  }

  /** The highest weight any term can have: that of a term in no passage. */
  maxIdf(): number {
    return this.idf('\u0000')
  }

  /**
   * The known term one typo away (two for long words), or null. A typo fix
   * must be unambiguous among equally near terms.
   */
  nearest(term: string): string | null {
    if (term.length < 5) return null
    const maxDistance = term.length >= 9 ? 2 : 1
    let best: string | null = null
    let bestDistance = maxDistance + 1
    for (let length = term.length - maxDistance; length <= term.length + maxDistance; length++) {
      for (const candidate of this.#byLength.get(length) ?? []) {
        const distance = boundedLevenshtein(term, candidate, Math.min(bestDistance, maxDistance))
        if (distance > maxDistance) continue
        // Among equally near terms, the more common one is the likelier intent.
        if (distance < bestDistance || (best !== null && distance === bestDistance && (this.#documentFrequency.get(candidate) ?? 0) > (this.#documentFrequency.get(best) ?? 0))) {
          best = candidate
          bestDistance = distance
        }
      }
    }
    return bestDistance <= maxDistance ? best : null
  }
}

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`. */
function boundedLevenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1))
      current.push(value)
      if (value < rowMin) rowMin = value
    }
    if (rowMin > limit) return limit + 1
    previous = current
  }
  return previous[b.length] as number
}

export interface PassageIndex {
  passages: Passage[]
  search: MiniSearch<IndexedPassage>
  vocabulary: Vocabulary
  /** Index terms of each passage's text, by position in `passages`. */
  passageTerms: Set<string>[]
  /** What the corpus covers, to offer when it cannot answer: one article's sections, or many articles' titles. */
  topics: string[]
}

/** At most this many topics are offered; a reply has no room for more. */
export const MAX_TOPICS = 20

function corpusTopics(passages: Passage[]): string[] {
  const titles = [...new Set(passages.map((passage) => passage.articleTitle))]
  if (titles.length > 1) return titles.slice(0, MAX_TOPICS)
  const sections = passages.flatMap((passage) => (passage.section ? [passage.section] : []))
  return [...new Set([...titles, ...sections])].slice(0, MAX_TOPICS)
}

function speakerNames(passage: Passage): string {
  return passage.attributions.map(({ speaker }) => speaker.name).join(' ')
}

// Roles carry affiliations ("Pakistan’s Defence Minister"): indexed apart and weighted low,
// so that a country named in a role does not outweigh the passage text.
function speakerRoles(passage: Passage): string {
  return passage.attributions.map(({ speaker }) => speaker.role ?? '').join(' ')
}

/**
 * Builds the MiniSearch index. Terms are produced by `termOf` at index time;
 * queries arrive already as terms, so the search side must not process them again.
 */
export function buildPassageIndex(passages: Passage[]): PassageIndex {
  const search = new MiniSearch<IndexedPassage>({
    fields: ['text', 'speakers', 'roles', 'outlets', 'section'],
    tokenize: (text) => tokenize(text).map((token) => token.word),
    processTerm: (term) => termOf(term),
    searchOptions: { tokenize: (query) => query.split(' '), processTerm: (term) => term, boost: { ...FIELD_BOOSTS } },
  })
  search.addAll(
    passages.map((passage, id) => ({
      id,
      text: passage.text,
      speakers: speakerNames(passage),
      roles: speakerRoles(passage),
      outlets: passage.outlets.join(' '),
      section: passage.section ?? '',
    })),
  )
  const passageTerms = passages.map((passage) => new Set(termsOf(`${passage.text} ${speakerNames(passage)} ${speakerRoles(passage)} ${passage.outlets.join(' ')} ${passage.section ?? ''}`)))
  return { passages, search, vocabulary: new Vocabulary(passageTerms), passageTerms, topics: corpusTopics(passages) }
}
