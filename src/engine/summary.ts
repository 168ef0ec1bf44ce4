import type { Passage } from '../passages/types.ts'
import { termsOf } from '../search/terms.ts'
import { hasTypeFeature } from './typeFeatures.ts'
import type { SummaryLength, SummaryResult } from './types.ts'

export interface SummaryOptions {
  /** `short` (about 3 sentences) or `full` (about 7). Default `short`. */
  length?: SummaryLength
  /** Sentences per length. Default { short: 3, full: 7 }. */
  sentenceCounts?: Record<SummaryLength, number>
  /** Character budget per length, counting sentence text only. Default { short: 700, full: 1500 }. */
  maxChars?: Record<SummaryLength, number>
  /** Trade-off between relevance (1) and novelty (0) when picking the next sentence. Default 0.7. */
  diversity?: number
}

export const defaultSummaryOptions: Required<SummaryOptions> = {
  length: 'short',
  sentenceCounts: { short: 3, full: 7 },
  maxChars: { short: 700, full: 1500 },
  diversity: 0.7,
}

interface Candidate {
  text: string
  passage: Passage
  order: number
  vector: Map<string, number>
  score: number
}

/** Sentences that cannot stand alone: they lean on a previous one or only introduce a quotation. */
function standsAlone(text: string): boolean {
  if (text.length < 40 || /:\s*$/.test(text)) return false
  if (/^(?:he|she|they|it|this|these|those|that|his|her|their|its|such)\b/i.test(text)) return false
  // A sentence that is only quoted words has no speaker in it.
  return !/^[“"][^”"]*[”"]?$/.test(text)
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0
  let normA = 0
  let normB = 0
  for (const [term, value] of a) {
    normA += value * value
    const other = b.get(term)
    if (other) dot += value * other
  }
  for (const value of b.values()) normB += value * value
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB)
}

/**
 * An extractive summary: verbatim sentences chosen for how central they are to
 * the article (similarity to its overall term profile, with the lede and section
 * openings favoured), each new one penalised for repeating those already chosen,
 * then put back in article order.
 */
export function summarise(articlePassages: Passage[], options: SummaryOptions = {}): SummaryResult {
  const settings = { ...defaultSummaryOptions, ...options }
  const first = articlePassages[0]
  if (!first) throw new Error('summarise: the article has no passages')
  const length = settings.length

  const sentences = articlePassages.flatMap((passage) => passage.sentences.map((sentence, index) => ({ passage, sentence, index })))
  const documentFrequency = new Map<string, number>()
  const termLists = sentences.map(({ sentence }) => termsOf(sentence.text))
  for (const terms of termLists) for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1)
  const vectors = termLists.map((terms) => {
    const vector = new Map<string, number>()
    for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + Math.log(1 + sentences.length / (documentFrequency.get(term) ?? 1)))
    return vector
  })
  const centroid = new Map<string, number>()
  for (const vector of vectors) for (const [term, value] of vector) centroid.set(term, (centroid.get(term) ?? 0) + value)

  const sectionsSeen = new Set<string | null>()
  const candidates: Candidate[] = []
  sentences.forEach(({ passage, sentence, index }, order) => {
    const opensSection = index === 0 && passage.part === 1 && !sectionsSeen.has(passage.section)
    if (opensSection) sectionsSeen.add(passage.section)
    if (!standsAlone(sentence.text)) return
    const vector = vectors[order] as Map<string, number>
    const position = order === 0 ? 1.5 : opensSection ? 1.15 : 1
    // Developments carry dates and figures ("on October 19", "more than 70 people").
    const concrete = hasTypeFeature('when', sentence.text) || /\d/.test(sentence.text) ? 1.2 : 1
    candidates.push({ text: sentence.text, passage, order, vector, score: cosine(vector, centroid) * position * concrete })
  })

  const chosen: Candidate[] = []
  let characters = 0
  const target = settings.sentenceCounts[length]
  while (chosen.length < target) {
    let best: Candidate | null = null
    let bestValue = -Infinity
    for (const candidate of candidates) {
      if (chosen.includes(candidate) || characters + candidate.text.length > settings.maxChars[length]) continue
      const redundancy = Math.max(0, ...chosen.map((other) => cosine(candidate.vector, other.vector) + (other.passage === candidate.passage ? 0.5 : 0) + (other.passage.section === candidate.passage.section ? 0.25 : 0)))
      const value = settings.diversity * candidate.score - (1 - settings.diversity) * redundancy
      if (value > bestValue) {
        best = candidate
        bestValue = value
      }
    }
    if (!best) break
    chosen.push(best)
    characters += best.text.length
  }

  return {
    article: { slug: first.articleSlug, title: first.articleTitle },
    length,
    sentences: chosen.sort((a, b) => a.order - b.order).map(({ text, passage }) => ({ text, passageId: passage.id, paragraph: passage.paragraph })),
  }
}
