import type { Passage, Span } from '../passages/types.ts'
import type { PassageIndex } from '../search/passageIndex.ts'
import { termOf, tokenize } from '../search/terms.ts'
import { analyseQuestion, type AnalysedQuestion } from './question.ts'
import { hasTypeFeature } from './typeFeatures.ts'
import type { AnswerSentence, AskResult, RankedPassage, UnansweredQuestion } from './types.ts'

export interface AskOptions {
  /** Share of the question's weighted content the corpus must contain. Default 0.5. */
  minCoverage?: number
  /** Share of that content the best passage itself must contain. Default 0.3. */
  minPassageCoverage?: number
  /**
   * Weight of an unknown lower-case word, as a share of the rarest term's.
   * Lower than a name's because paraphrases ("consequences") are often
   * absent while the topic is present. Default 0.55.
   */
  unknownWordWeight?: number
  /** Supporting passages must score at least this share of the best. Default 0.5. */
  supportRatio?: number
  /** At most this many passages in an answer, the best included. Default 3. */
  maxPassages?: number
  /** How much a passage holding what the question type asks for (a date for "when") gains. Default 0.25. */
  typeBonus?: number
}

export const defaultAskOptions: Required<AskOptions> = {
  minCoverage: 0.5,
  minPassageCoverage: 0.3,
  unknownWordWeight: 0.55,
  supportRatio: 0.5,
  maxPassages: 3,
  typeBonus: 0.25,
}

interface WeightedTerm {
  term: string
  weight: number
}

/** Topics the corpus covers: what to offer when a question falls outside them. */
export function corpusTopics(index: PassageIndex): string[] {
  const topics: string[] = []
  for (const passage of index.passages) {
    for (const topic of [passage.articleTitle, passage.section]) if (topic && !topics.includes(topic)) topics.push(topic)
  }
  return topics
}

function abstain(question: AnalysedQuestion, reason: UnansweredQuestion['reason'], missing: string[], index: PassageIndex): UnansweredQuestion {
  return { answered: false, question: question.text, type: question.type, reason, missing, topics: corpusTopics(index), passages: [] }
}

/** Offsets of the words in `[start, end)` of `text` whose terms are in `terms`. */
export function highlightSpans(text: string, terms: ReadonlySet<string>, start = 0, end = text.length): Span[] {
  const spans: Span[] = []
  for (const token of tokenize(text.slice(start, end))) {
    const term = termOf(token.word)
    if (term && terms.has(term)) spans.push({ start: start + token.start, end: start + token.end })
  }
  return spans
}

function chooseAnswerSentence(passage: Passage, question: AnalysedQuestion, weights: Map<string, number>): AnswerSentence {
  const terms = new Set(weights.keys())
  let best = passage.sentences[0] ?? { text: passage.text, start: 0, end: passage.text.length }
  let bestScore = -Infinity
  const maxWeight = Math.max(0, ...weights.values())
  for (const sentence of passage.sentences) {
    let score = 0
    for (const term of new Set(tokenize(sentence.text).map((token) => termOf(token.word)))) {
      if (term && terms.has(term)) score += weights.get(term) ?? 0
    }
    if (hasTypeFeature(question.type, sentence.text)) score += maxWeight * 0.75
    if (score > bestScore) {
      best = sentence
      bestScore = score
    }
  }
  return { passageId: passage.id, text: best.text, start: best.start, end: best.end, highlights: highlightSpans(passage.text, terms, best.start, best.end) }
}

/**
 * Answers a question with the passages that contain the answer, or says the
 * corpus does not answer it. Pure: the index in, plain data out.
 */
export function ask(index: PassageIndex, rawQuestion: string, options: AskOptions = {}): AskResult {
  const settings = { ...defaultAskOptions, ...options }
  const question = analyseQuestion(rawQuestion)
  if (question.terms.length === 0) return abstain(question, 'no-question', [], index)

  const { vocabulary } = index
  const maxIdf = vocabulary.maxIdf()
  const known: WeightedTerm[] = []
  const missing: string[] = []
  let totalWeight = 0
  for (const { term, word, capitalised } of question.terms) {
    const resolved = vocabulary.has(term) ? term : vocabulary.nearest(term)
    if (resolved) {
      const weight = vocabulary.idf(resolved)
      known.push({ term: resolved, weight })
      totalWeight += weight
    } else {
      missing.push(word)
      totalWeight += capitalised ? maxIdf : maxIdf * settings.unknownWordWeight
    }
  }
  const unknownNames = question.terms.filter((term) => term.capitalised && missing.includes(term.word)).map((term) => term.word)
  if (unknownNames.length > 0) return abstain(question, 'unknown-names', unknownNames, index)

  const knownWeight = known.reduce((sum, term) => sum + term.weight, 0)
  if (known.length === 0 || knownWeight / totalWeight < settings.minCoverage) return abstain(question, 'not-covered', missing, index)

  const weights = new Map(known.map((term) => [term.term, term.weight]))
  const ranked: RankedPassage[] = index.search
    .search(known.map((term) => term.term).join(' '), { combineWith: 'OR' })
    .map((result) => {
      const passage = index.passages[result.id as number] as Passage
      const bonus = hasTypeFeature(question.type, passage.text) ? 1 + settings.typeBonus : 1
      return { passage, score: result.score * bonus, matchedTerms: result.terms }
    })
    .sort((a, b) => b.score - a.score || a.passage.paragraph - b.passage.paragraph)

  const top = ranked[0]
  if (!top) return abstain(question, 'not-covered', missing, index)
  const topWeight = top.matchedTerms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0)
  if (topWeight / totalWeight < settings.minPassageCoverage) return abstain(question, 'not-covered', missing, index)

  const supporting = ranked
    .slice(1)
    .filter((candidate) => candidate.score >= top.score * settings.supportRatio)
    .slice(0, settings.maxPassages - 1)
  return {
    answered: true,
    question: question.text,
    type: question.type,
    answer: chooseAnswerSentence(top.passage, question, weights),
    passages: [top, ...supporting],
  }
}
