import type { Passage } from '../passages/types.ts'
import type { PassageIndex } from '../search/passageIndex.ts'

/** Re-ranking looks at this many of the best candidates: bonuses cannot lift a passage from further down. */
export const RERANK_DEPTH = 50

/** A question term (or a synonym or typo fix standing in for one) with its weight. */
export interface WeightedTerm {
  term: string
  weight: number
}

export interface Candidate {
  position: number
  score: number
  matchedTerms: string[]
}

/**
 * Passages worth ranking: MiniSearch's results for the question's rarer
 * terms, with its very common terms (large corpora only) added to their
 * scores; or, for a question made only of common terms, the union of those
 * terms' precomputed best passages.
 */
export function candidates(known: WeightedTerm[], index: PassageIndex, inScope?: (position: number) => boolean): Candidate[] {
  const searched = known.filter((term) => !index.commonTerms.has(term.term))
  const common = known.filter((term) => index.commonTerms.has(term.term))
  const addCommon = (candidate: Candidate): Candidate => {
    const passageTerms = index.passageTerms[candidate.position] as Set<string>
    for (const term of common) {
      if (candidate.matchedTerms.includes(term.term) || !passageTerms.has(term.term)) continue
      // About what one occurrence adds to a BM25 score.
      candidate.score += term.weight
      candidate.matchedTerms.push(term.term)
    }
    return candidate
  }
  // In a scope (one server's articles, one article) the common terms' precomputed best passages may all lie
  // outside it: the scoped search looks them up itself.
  const looked = searched.length > 0 ? searched : inScope ? common : []
  if (looked.length > 0) {
    // Each term counts as much as its weight says (synonyms and typo fixes less), on top of MiniSearch's own idf.
    const boosts = new Map(looked.map((term) => [term.term, term.weight / Math.max(index.vocabulary.idf(term.term), 1e-9)]))
    return index.search
      .search(looked.map((term) => term.term).join(' '), { combineWith: 'OR', boostTerm: (term) => boosts.get(term) ?? 1, ...(inScope ? { filter: (result) => inScope(result.id as number) } : {}) })
      .slice(0, RERANK_DEPTH)
      .map((result) => addCommon({ position: result.id as number, score: result.score, matchedTerms: [...result.terms] }))
  }
  const pooled = new Map<number, Candidate>()
  for (const term of common) {
    for (const { position, impact } of index.commonTerms.best(term.term)) {
      const candidate = pooled.get(position) ?? { position, score: 0, matchedTerms: [] }
      candidate.score += impact
      candidate.matchedTerms.push(term.term)
      pooled.set(position, candidate)
    }
  }
  return [...pooled.values()].map(addCommon).sort((a, b) => b.score - a.score).slice(0, RERANK_DEPTH)
}

/** Positions of the passages where each term first occurs in its article: where things get defined. */
export function firstMentionsOf(index: PassageIndex, terms: string[]): Set<number> {
  const found = new Set<number>()
  for (const term of terms) {
    const seenArticles = new Set<string>()
    index.passageTerms.forEach((passageTerms, position) => {
      const slug = (index.passages[position] as Passage).articleSlug
      if (seenArticles.has(slug) || !passageTerms.has(term)) return
      seenArticles.add(slug)
      found.add(position)
    })
  }
  return found
}

