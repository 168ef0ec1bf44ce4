import type { VocabularyMatrix, WordVectors } from '../semantics/wordVectors.ts'
import { STOP_WORDS, termOf, tokenize } from './terms.ts'

export interface SoftMatcherOptions {
  /** Cosine at or above which a corpus word stands in for a question word. Default 0.6 (the team's trial). */
  minSimilarity?: number
  /** At most this many stand-ins per question word. Default 6. */
  limit?: number
  /**
   * The most frequent English words ("next", "back", "day") have neighbours that
   * are merely frequent too: words ranked above this neither get nor give stand-ins. Default 200.
   */
  minRank?: number
  /** Opposites as index-term pairs (`antonymKeys`): a word's opposite is never its stand-in, however near their vectors. */
  antonyms?: ReadonlySet<string>
}

export const defaultSoftMatcherOptions: Required<SoftMatcherOptions> = { minSimilarity: 0.6, limit: 6, minRank: 200, antonyms: new Set() }

/** A corpus term standing in for a question word, with the cosine of their words. */
export interface SoftMatch {
  term: string
  similarity: number
}

/** Opposite words as the index-term pairs the matcher compares: "increased|decreased" → "increas|decreas". */
export function antonymKeys(pairs: Iterable<readonly [string, string]>): Set<string> {
  const keys = new Set<string>()
  for (const [a, b] of pairs) {
    const from = termOf(a)
    const to = termOf(b)
    if (from && to && from !== to) keys.add(`${from}|${to}`)
  }
  return keys
}

/** Questions repeat words: each word's stand-ins are remembered (bounded, cleared when full). */
const MEMO_LIMIT = 20_000

/**
 * Stage "retrieve", the semantic half: the corpus words nearest in meaning
 * to a question word, by GloVe vectors, as index terms. This replaces
 * hand-written synonym lists: "hurt" finds "injured", "defense" finds
 * "defence", "walkout" finds "strike", for any article.
 */
export class SoftMatcher {
  readonly #vectors: WordVectors
  readonly #matrix: VocabularyMatrix
  readonly #options: Required<SoftMatcherOptions>
  /** Stand-ins by word; with opposites kept, by the word after a NUL (no word holds one). */
  readonly #memo = new Map<string, SoftMatch[]>()

  constructor(vectors: WordVectors, corpusTexts: Iterable<string>, options: SoftMatcherOptions = {}) {
    this.#vectors = vectors
    this.#options = { ...defaultSoftMatcherOptions, ...options }
    const words = new Set<string>()
    for (const text of corpusTexts) {
      for (const { word } of tokenize(text)) {
        const lower = word.toLowerCase()
        if (!STOP_WORDS.has(lower) && !/\d/.test(lower) && (vectors.rank(lower) ?? 0) > this.#options.minRank) words.add(lower)
      }
    }
    this.#matrix = vectors.prepareVocabulary(words)
  }

  get vectors(): WordVectors {
    return this.#vectors
  }

  /** How common an English word is: 1 for the most frequent; undefined when rarer than the vectors know. */
  rank(word: string): number | undefined {
    return this.#vectors.rank(word.toLowerCase())
  }

  /**
   * Corpus terms near the word in meaning, best first; never the word's own
   * term, nor its opposite unless `keepOpposites`: "is the border open?" is
   * answered by "still closed", "what has increased?" is not by "decreased".
   */
  matches(word: string, keepOpposites = false): SoftMatch[] {
    return this.#nearest(word, this.#memo, this.#options.limit, keepOpposites)
  }

  /**
   * The same, among `terms` only (one article's): with many articles loaded the
   * corpus-wide best few may all be other articles' words, and an article must be
   * judged by its own nearest words, as if it were alone.
   */
  matchesWithin(word: string, terms: ReadonlySet<string>, keepOpposites = false): SoftMatch[] {
    return this.#nearest(word, this.#wideMemo, WIDE_LIMIT, keepOpposites)
      .filter((match) => terms.has(match.term))
      .slice(0, this.#options.limit)
  }

  readonly #wideMemo = new Map<string, SoftMatch[]>()

  #nearest(word: string, memo: Map<string, SoftMatch[]>, limit: number, keepOpposites: boolean): SoftMatch[] {
    const lower = word.toLowerCase()
    const key = keepOpposites ? `\u0000${lower}` : lower
    const remembered = memo.get(key)
    if (remembered) return remembered
    const own = termOf(lower)
    if ((this.#vectors.rank(lower) ?? 0) <= this.#options.minRank) return []
    const best = new Map<string, number>()
    for (const { word: neighbour, similarity } of this.#vectors.mostSimilar(lower, this.#matrix, this.#options.minSimilarity, limit + 1)) {
      const term = termOf(neighbour)
      if (!term || term === own || (!keepOpposites && this.#options.antonyms.has(`${own}|${term}`))) continue
      best.set(term, Math.max(similarity, best.get(term) ?? 0))
    }
    const matches = [...best].map(([term, similarity]) => ({ term, similarity })).slice(0, limit)
    if (memo.size >= MEMO_LIMIT) memo.clear()
    memo.set(key, matches)
    return matches
  }
}

/** How many corpus-wide neighbours `matchesWithin` looks through for an article's own. */
const WIDE_LIMIT = 60
