import type { Vocabulary } from './passageIndex.ts'

export interface CommonTermOptions {
  /** Only corpora of more than this many passages have common terms. Default 2,000. */
  minPassages?: number
  /**
   * A term in more than this share of the passages is common. Default 0.03:
   * at 1,000 articles (25,000 passages) a question of a dozen terms each in 3–5 %
   * of the passages made MiniSearch score and sort some 10,000 results to keep 50,
   * the tail of ask's time (p99 18 ms → 10.5 ms). The 16 wire sets with 1,000
   * articles loaded score the same at 0.05 and 0.03 (hit@1 170/224 at both).
   */
  share?: number
  /** How many best passages are kept for each common term. Default 200. */
  depth?: number
}

export const defaultCommonTermOptions: Required<CommonTermOptions> = { minPassages: 2000, share: 0.03, depth: 200 }

/** A passage and how strongly one term speaks for it (its BM25 weight for that term). */
export interface Impact {
  position: number
  impact: number
}

// MiniSearch's own BM25 parameters, so impacts rank like its scores.
const K1 = 1.2
const B = 0.7

/**
 * The best passages for each very common term, computed once. A question made
 * only of common words ("pakistan") would otherwise make the search visit
 * half the corpus; its candidates come from these short lists instead.
 */
export class CommonTerms {
  readonly #impacts = new Map<string, Impact[]>()

  /**
   * `termLists`: each passage text's index terms, in order (the index has them
   * already). Built at once; `CommonTerms.steps` builds it with pauses.
   */
  constructor(termLists: string[][], vocabulary: Vocabulary, options: CommonTermOptions = {}) {
    const steps = this.#fill(termLists, vocabulary, options)
    while (!steps.next().done);
  }

  /** The same, pausing (yielding) every `chunk` passages, for builds that must not hold the event loop. */
  static *steps(termLists: string[][], vocabulary: Vocabulary, options: CommonTermOptions = {}, chunk = 400): Generator<void, CommonTerms, void> {
    const built = new CommonTerms([], vocabulary, options)
    yield* built.#fill(termLists, vocabulary, options, chunk)
    return built
  }

  *#fill(termLists: string[][], vocabulary: Vocabulary, options: CommonTermOptions, chunk = Infinity): Generator<void, void, void> {
    const { minPassages, share, depth } = { ...defaultCommonTermOptions, ...options }
    if (termLists.length <= minPassages) return
    const limit = termLists.length * share
    const averageLength = termLists.reduce((sum, terms) => sum + terms.length, 0) / Math.max(1, termLists.length)
    const collected = new Map<string, Impact[]>()
    for (const [position, terms] of termLists.entries()) {
      const counts = new Map<string, number>()
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1)
      const lengthFactor = K1 * (1 - B + (B * terms.length) / averageLength)
      for (const [term, frequency] of counts) {
        if (vocabulary.documentFrequency(term) <= limit) continue
        const impact = (vocabulary.idf(term) * frequency * (K1 + 1)) / (frequency + lengthFactor)
        const list = collected.get(term) ?? []
        list.push({ position, impact })
        collected.set(term, list)
      }
      if (position % chunk === chunk - 1) yield
    }
    for (const [term, list] of collected) this.#impacts.set(term, list.sort((a, b) => b.impact - a.impact).slice(0, depth))
  }

  has(term: string): boolean {
    return this.#impacts.has(term)
  }

  /** The term's best passages, strongest first; empty for a term that is not common. */
  best(term: string): readonly Impact[] {
    return this.#impacts.get(term) ?? []
  }
}
