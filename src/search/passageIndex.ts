import MiniSearch from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'
import type { Passage } from '../passages/types.ts'
import { CommonTerms, type CommonTermOptions } from './commonTerms.ts'
import type { WordVectors } from '../semantics/wordVectors.ts'
import { sentenceEntityKinds, type EntityKinds } from './entities.ts'
import { SoftMatcher } from './softMatcher.ts'
import type { PhrasalVerbs } from './phrasalVerbs.ts'
import type { RelatedForms } from './relatedForms.ts'
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

/**
 * The corpus vocabulary: each term with the number of passages it occurs in,
 * kept in MiniSearch's radix tree so that near misses are found without a scan.
 */
export class Vocabulary {
  readonly #documentFrequency = new SearchableMap<number>()
  #passageCount = 0

  constructor(passageTerms: Iterable<Set<string>> = []) {
    for (const terms of passageTerms) this.addPassage(terms)
  }

  /** Counts one more passage's terms (the index adds them a chunk at a time). */
  addPassage(terms: Iterable<string>): void {
    this.#passageCount++
    for (const term of terms) this.#documentFrequency.update(term, (frequency = 0) => frequency + 1)
  }

  get passageCount(): number {
    return this.#passageCount
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
    return Math.log(1 + (this.passageCount + 1) / (this.documentFrequency(term) + 0.5))
  }

  /** The highest weight any term can have: that of a term in no passage. */
  maxIdf(): number {
    return this.idf('\u0000')
  }

  /**
   * The known term one typo away (two for words of nine letters or more), or
   * null. Among equally near terms, the more common one is the likelier intent.
   */
  nearest(term: string): string | null {
    if (term.length < 5) return null
    let best: string | null = null
    let bestDistance = Infinity
    let bestFrequency = -1
    for (const [candidate, [frequency, distance]] of this.#documentFrequency.fuzzyGet(term, term.length >= 9 ? 2 : 1)) {
      if (candidate === term) continue
      if (distance < bestDistance || (distance === bestDistance && frequency > bestFrequency)) {
        best = candidate
        bestDistance = distance
        bestFrequency = frequency
      }
    }
    return best
  }
}

export interface PassageIndex {
  passages: Passage[]
  search: MiniSearch<IndexedPassage>
  vocabulary: Vocabulary
  /** Index terms of each passage's text, by position in `passages`. */
  passageTerms: Set<string>[]
  /** What the corpus covers, to offer when it cannot answer: one article's sections, or many articles' titles. */
  topics: string[]
  /** Best passages of the terms most passages contain (large corpora only). */
  commonTerms: CommonTerms
  /** Every index term of each article, by slug: answerability is judged against one article, not the pile. */
  articleTerms: Map<string, Set<string>>
  /** Each article's own vocabulary (document frequencies among its passages), by slug. */
  articleVocabularies: Map<string, Vocabulary>
  /** Index terms of each passage's text in order, for words side by side. */
  termSequences: string[][]
  /** For each passage, each sentence's index terms and entity kinds. */
  sentenceTerms: Set<string>[][]
  sentenceKinds: EntityKinds[][]
  /** Meaning-based stand-ins for question words, from word vectors; null when none are loaded. */
  softMatcher: SoftMatcher | null
  /** One-word verbs that phrasal verbs mean ("throw out" → discard), from WordNet; null or absent when not loaded. */
  phrasalVerbs?: PhrasalVerbs | null
  /** A term's forms in other parts of speech ("swedish" ↔ "sweden"), from WordNet; null or absent when not loaded. */
  relatedForms?: RelatedForms | null
  /** Every word the corpus writes (text, headings, speakers' names and roles), as written, with its count: the spelling stage's vocabulary. */
  wordCounts: Map<string, number>
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

/** Passages handled between two pauses when the index is built asynchronously. */
const CHUNK = 400

interface IndexOptions {
  commonTerms?: CommonTermOptions
  vectors?: WordVectors | null
  /** Opposites as index-term pairs (softMatcher.ts `antonymKeys`), which are never each other's stand-ins. */
  antonyms?: ReadonlySet<string>
  phrasalVerbs?: PhrasalVerbs | null
  relatedForms?: RelatedForms | null
}

/**
 * Builds the MiniSearch index. Terms are produced by `termOf` at index time;
 * queries arrive already as terms, so the search side must not process them again.
 */
export function buildPassageIndex(passages: Passage[], options: IndexOptions = {}): PassageIndex {
  return runSteps(indexSteps(passages, options))
}

/**
 * The same index, built a chunk of passages at a time with a pause between
 * chunks, so that a live reload of a large corpus never holds the event loop
 * for long: interactions keep being answered by the engine being replaced.
 */
export async function buildPassageIndexAsync(passages: Passage[], options: IndexOptions = {}): Promise<PassageIndex> {
  return runStepsAsync(indexSteps(passages, options))
}

/** Runs a build to the end at once. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  let step = steps.next()
  while (!step.done) step = steps.next()
  return step.value
}

/** Runs a build, letting other work run at every pause. */
export async function runStepsAsync<T>(steps: Generator<void, T, void>): Promise<T> {
  let step = steps.next()
  while (!step.done) {
    await new Promise<void>((resolve) => setImmediate(resolve))
    step = steps.next()
  }
  return step.value
}

/** The index build, pausing (yielding) between chunks of passages. */
export function* indexSteps(passages: Passage[], options: IndexOptions = {}): Generator<void, PassageIndex, void> {
  const search = new MiniSearch<IndexedPassage>({
    fields: ['text', 'speakers', 'roles', 'outlets', 'section'],
    tokenize: (text) => tokenize(text).map((token) => token.word),
    processTerm: (term) => termOf(term),
    searchOptions: { tokenize: (query) => query.split(' '), processTerm: (term) => term, boost: { ...FIELD_BOOSTS } },
  })
  for (let start = 0; start < passages.length; start += CHUNK) {
    search.addAll(
      passages.slice(start, start + CHUNK).map((passage, offset) => ({
        id: start + offset,
        text: passage.text,
        speakers: speakerNames(passage),
        roles: speakerRoles(passage),
        outlets: passage.outlets.join(' '),
        section: passage.section ?? '',
      })),
    )
    yield
  }
  const passageTerms: Set<string>[] = []
  const termSequences: string[][] = []
  const sentenceTerms: Set<string>[][] = []
  const sentenceKinds: EntityKinds[][] = []
  const wordCounts = new Map<string, number>()
  const countWords = (text: string) => {
    for (const { word } of tokenize(text)) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1)
  }
  for (const [position, passage] of passages.entries()) {
    countWords(passage.text)
    countWords(passage.section ?? '')
    for (const { speaker } of passage.attributions) countWords(`${speaker.name} ${speaker.role ?? ''}`)
    passageTerms.push(new Set(termsOf(`${passage.text} ${speakerNames(passage)} ${speakerRoles(passage)} ${passage.outlets.join(' ')} ${passage.section ?? ''}`)))
    termSequences.push(termsOf(passage.text))
    sentenceTerms.push(passage.sentences.map((sentence) => new Set(termsOf(sentence.text))))
    sentenceKinds.push(sentenceEntityKinds(passage.text, passage.sentences))
    if (position % CHUNK === CHUNK - 1) yield
  }
  const vocabulary = new Vocabulary()
  for (const [position, terms] of passageTerms.entries()) {
    vocabulary.addPassage(terms)
    if (position % CHUNK === CHUNK - 1) yield
  }
  yield
  const commonTerms = yield* CommonTerms.steps(termSequences, vocabulary, options.commonTerms, CHUNK)
  yield
  const articleTerms = new Map<string, Set<string>>()
  const articlePassageTerms = new Map<string, Set<string>[]>()
  passages.forEach((passage, position) => {
    let terms = articleTerms.get(passage.articleSlug)
    if (!terms) articleTerms.set(passage.articleSlug, (terms = new Set()))
    for (const term of passageTerms[position] as Set<string>) terms.add(term)
    const list = articlePassageTerms.get(passage.articleSlug) ?? []
    list.push(passageTerms[position] as Set<string>)
    articlePassageTerms.set(passage.articleSlug, list)
  })
  yield
  const articleVocabularies = new Map<string, Vocabulary>()
  for (const [slug, list] of articlePassageTerms) {
    articleVocabularies.set(slug, new Vocabulary(list))
    if (articleVocabularies.size % 100 === 0) yield
  }
  yield
  const softMatcher = options.vectors ? new SoftMatcher(options.vectors, wordCounts.keys(), options.antonyms ? { antonyms: options.antonyms } : {}) : null
  return {
    passages,
    search,
    vocabulary,
    passageTerms,
    topics: corpusTopics(passages),
    commonTerms,
    articleTerms,
    articleVocabularies,
    termSequences,
    sentenceTerms,
    sentenceKinds,
    softMatcher,
    phrasalVerbs: options.phrasalVerbs ?? null,
    relatedForms: options.relatedForms ?? null,
    wordCounts,
  }
}
