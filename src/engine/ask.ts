import type { Passage } from '../passages/types.ts'
import type { PassageIndex } from '../search/passageIndex.ts'
import { TITLE_WORDS } from '../passages/names.ts'
import { isOrdinary } from '../search/ordinaryWords.ts'
import { synonymsOf } from '../search/synonyms.ts'
import { foldText, termsOf } from '../search/terms.ts'
import { analyseQuestion, type AnalysedQuestion } from './question.ts'
import { chooseAnswerSentence } from './answerSentence.ts'
import { candidates, firstMentionsOf, type WeightedTerm } from './candidates.ts'
import { hasTypeFeature } from './typeFeatures.ts'
import type { AskResult, RankedPassage, UnansweredQuestion } from './types.ts'

export interface AskOptions {
  /** Share of the question's weighted content the corpus must contain. Default 0.5. */
  minCoverage?: number
  /** Share of that content the best passage itself must contain. Default 0.3. */
  minPassageCoverage?: number
  /**
   * Weight of an unknown lower-case word, as a share of the rarest term's.
   * Lower than a name's because paraphrases ("consequences") are often
   * absent while the topic is present. Default 0.45.
   */
  unknownWordWeight?: number
  /** Supporting passages must score at least this share of the best. Default 0.5. */
  supportRatio?: number
  /** At most this many passages in an answer, the best included. Default 3. */
  maxPassages?: number
  /** How much a passage holding what the question type asks for (a date for "when") gains. Default 0.25. */
  typeBonus?: number
  /** How much the first mention of a term gains for "what is X" questions. Default 0.3. */
  firstMentionBonus?: number
  /** Weight of a term reached by correcting a typo, relative to the term itself. Default 0.7. */
  typoWeight?: number
  /** Weight of an unknown but very common English word ("first", "supposed"), as a share of the rarest term's. Default 0.15. */
  ordinaryWordWeight?: number
  /** Weight of a synonym standing in for a question's word ("injured" for "hurt"). Default 0.7. */
  synonymWeight?: number
  /** How much each pair of the question's words found side by side ("defence minister") adds. Default 0.15. */
  adjacencyBonus?: number
}

export const defaultAskOptions: Required<AskOptions> = {
  minCoverage: 0.5,
  minPassageCoverage: 0.3,
  unknownWordWeight: 0.45,
  supportRatio: 0.5,
  maxPassages: 3,
  typeBonus: 0.25,
  firstMentionBonus: 0.3,
  typoWeight: 0.7,
  synonymWeight: 0.7,
  ordinaryWordWeight: 0.15,
  adjacencyBonus: 0.15,
}

/**
 * The corpus term a question word stands for: itself, its acronym form
 * ("ttp" → "TTP"), or, for an uninflected name or long word, the term one typo away.
 * Inflected words ("reported") are real words and are never "corrected".
 */
function resolveTerm(index: PassageIndex, term: string, word: string, capitalised: boolean): { term: string; corrected: boolean } | null {
  const { vocabulary } = index
  if (vocabulary.has(term)) return { term, corrected: false }
  const acronym = term.toUpperCase()
  if (vocabulary.has(acronym)) return { term: acronym, corrected: false }
  // Short lower-case words are too often other real words one letter away ("react" → "reach").
  if (term !== foldText(word) || (!capitalised && word.length < MIN_TYPO_FIX_LENGTH)) return null
  const nearest = vocabulary.nearest(term)
  return nearest ? { term: nearest, corrected: true } : null
}

/** A supporting passage this close to the best one's score is shown even if it matches no new word. */
const NEAR_EQUAL = 0.85

/** Words for news outlets: a question asking "which paper" wants a passage that names one. */
const OUTLET_WORDS = new Set(['outlet', 'outlets', 'paper', 'papers', 'newspaper', 'newspapers', 'agency', 'agencies', 'media', 'channel', 'publication', 'source', 'sources'])

/** Lower-case words shorter than this are never corrected as typos; names always may be. */
const MIN_TYPO_FIX_LENGTH = 7

function abstain(question: AnalysedQuestion, reason: UnansweredQuestion['reason'], missing: string[], index: PassageIndex): UnansweredQuestion {
  return { answered: false, question: question.text, type: question.type, reason, missing, topics: index.topics, passages: [] }
}

/**
 * "How does the article end?": the last (or first) passage, its last (or
 * first) sentence as the answer. Only where the corpus is one article: with
 * several, the question does not say which.
 */
function answerByPosition(index: PassageIndex, question: AnalysedQuestion, position: 'start' | 'end', scope?: ReadonlySet<string>): AskResult | null {
  // Passages are in corpus order: one article iff the first and last belong to the same one.
  const passages = scope ? index.passages.filter((passage) => scope.has(passage.articleSlug)) : index.passages
  const first = passages[0]
  const last = passages.at(-1)
  if (!first || !last || first.articleSlug !== last.articleSlug) return null
  const passage = position === 'end' ? last : first
  const sentence = (position === 'end' ? passage.sentences.at(-1) : passage.sentences[0]) ?? { text: passage.text, start: 0, end: passage.text.length }
  return {
    answered: true,
    question: question.text,
    type: question.type,
    answer: { passageId: passage.id, text: sentence.text, start: sentence.start, end: sentence.end, highlights: [] },
    passages: [{ passage, score: 1, matchedTerms: [] }],
  }
}

/** Passages re-scored for words side by side: only the best few, where the order can still change. */
const ADJACENCY_DEPTH = 10

/**
 * "Pakistan’s defence minister": a passage holding the question's words next
 * to each other, as a phrase, beats one that has them scattered.
 */
function rewardAdjacency(ranked: RankedPassage[], questionTerms: string[], bonus: number): void {
  const pairs = new Set(questionTerms.slice(1).map((term, index) => `${questionTerms[index]} ${term}`))
  if (pairs.size === 0) return
  const head = ranked.slice(0, ADJACENCY_DEPTH)
  for (const candidate of head) {
    let found = 0
    // The section heading counts too: it is the passage's title ("Strategic implications for South Asia").
    for (const text of [candidate.passage.text, candidate.passage.section ?? '']) {
      const terms = termsOf(text)
      for (let index = 1; index < terms.length; index++) if (pairs.has(`${terms[index - 1]} ${terms[index]}`)) found++
    }
    candidate.score *= 1 + bonus * Math.min(found, pairs.size)
  }
  head.sort((a, b) => b.score - a.score || a.passage.paragraph - b.passage.paragraph)
  ranked.splice(0, head.length, ...head)
}

/**
 * Answers a question with the passages that contain the answer, or says the
 * corpus does not answer it. Pure: the index in, plain data out.
 */
export function ask(index: PassageIndex, rawQuestion: string, options: AskOptions = {}, scope?: ReadonlySet<string>): AskResult {
  const settings = { ...defaultAskOptions, ...options }
  const question = analyseQuestion(rawQuestion)
  const positional = question.position ? answerByPosition(index, question, question.position, scope) : null
  if (positional) return positional
  if (question.terms.length === 0) return abstain(question, 'no-question', [], index)

  const { vocabulary } = index
  const maxIdf = vocabulary.maxIdf()
  const known: WeightedTerm[] = []
  const missing: string[] = []
  let totalWeight = 0
  const unknownNames: string[] = []
  // Words the article uses for the question's words ("injured" for "hurt"): searched, weighted lower.
  const expansions: WeightedTerm[] = []
  for (const [position, { term, word, capitalised }] of question.terms.entries()) {
    const resolved = resolveTerm(index, term, word, capitalised)
    const synonyms = synonymsOf(resolved?.term ?? term)
      .filter((synonym) => vocabulary.has(synonym))
      .map((synonym) => ({ term: synonym, weight: vocabulary.idf(synonym) * settings.synonymWeight }))
    expansions.push(...synonyms)
    if (resolved) {
      const weight = vocabulary.idf(resolved.term) * (resolved.corrected ? settings.typoWeight : 1)
      known.push({ term: resolved.term, weight })
      totalWeight += weight
      continue
    }
    const standIn = synonyms.sort((a, b) => b.weight - a.weight)[0]
    if (standIn) {
      // The article says it in other words: the question is covered.
      known.push(standIn)
      totalWeight += standIn.weight
      continue
    }
    missing.push(word)
    if (capitalised) unknownNames.push(word)
    // A title names a person as surely as a name does ("the president", "the prime minister").
    const nextWord = question.terms[position + 1]?.word
    const named = capitalised || TITLE_WORDS.has(foldText(word)) || (nextWord !== undefined && TITLE_WORDS.has(foldText(nextWord)))
    totalWeight += named ? maxIdf : maxIdf * (isOrdinary(term) ? settings.ordinaryWordWeight : settings.unknownWordWeight)
  }
  if (unknownNames.length > 0) return abstain(question, 'unknown-names', unknownNames, index)
  // "What did Asif say about the economy?": the speaker is known, but if none of the topic is, the article can't say.
  const topic = question.terms.filter((term) => term.topic)
  if (topic.length > 0 && topic.every((term) => missing.includes(term.word))) return abstain(question, 'not-covered', missing, index)
  // "What weapons did they use?": if the article never names the kind of thing asked for, it cannot say which.
  if (question.focus && missing.includes(question.focus.word)) return abstain(question, 'not-covered', missing, index)

  const knownWeight = known.reduce((sum, term) => sum + term.weight, 0)
  if (known.length === 0 || knownWeight / totalWeight < settings.minCoverage) return abstain(question, 'not-covered', missing, index)

  const weights = new Map<string, number>()
  for (const { term, weight } of [...expansions, ...known]) weights.set(term, Math.max(weight, weights.get(term) ?? 0))
  const searchTerms = [...weights].map(([term, weight]) => ({ term, weight }))
  const firstMentions = question.definitional ? firstMentionsOf(index, known.map((term) => term.term)) : new Set<number>()
  // Bonuses can lift a passage by at most (1 + typeBonus)(1 + firstMentionBonus): re-ranking the
  // best few dozen by MiniSearch's score is enough, and keeps large corpora fast.
  const asksForOutlet = question.focus !== null && OUTLET_WORDS.has(foldText(question.focus.word))
  // Scope (a server's articles, or the one picked): only its passages are candidates.
  const inScope = scope ? (position: number) => scope.has((index.passages[position] as Passage).articleSlug) : undefined
  const ranked: RankedPassage[] = candidates(searchTerms, index, inScope)
    .map(({ position, score, matchedTerms }) => {
      const passage = index.passages[position] as Passage
      let bonus = hasTypeFeature(question.type, passage.text) ? 1 + settings.typeBonus : 1
      // "Which paper quoted Asif?" is answered where an outlet is named.
      if (asksForOutlet && passage.outlets.length > 0) bonus *= 1 + settings.typeBonus
      if (firstMentions.has(position)) bonus *= 1 + settings.firstMentionBonus
      return { passage, score: score * bonus, matchedTerms }
    })
    .sort((a, b) => b.score - a.score || a.passage.paragraph - b.passage.paragraph)
  rewardAdjacency(ranked, question.terms.map((term) => term.term), settings.adjacencyBonus)

  const top = ranked[0]
  if (!top) return abstain(question, 'not-covered', missing, index)
  const topWeight = top.matchedTerms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0)
  if (topWeight / totalWeight < settings.minPassageCoverage) return abstain(question, 'not-covered', missing, index)

  // A supporting passage must add something: a word of the question the best one lacks, or near-equal relevance.
  const topTerms = new Set(top.matchedTerms)
  const supporting = ranked
    .slice(1)
    .filter((candidate) => candidate.score >= top.score * settings.supportRatio)
    .filter((candidate) => candidate.score >= top.score * NEAR_EQUAL || candidate.matchedTerms.some((term) => !topTerms.has(term)))
    .slice(0, settings.maxPassages - 1)
  return {
    answered: true,
    question: question.text,
    type: question.type,
    answer: chooseAnswerSentence(top.passage, question, weights),
    passages: [top, ...supporting],
  }
}
