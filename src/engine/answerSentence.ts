import type { Passage, Sentence, Span } from '../passages/types.ts'
import { termOf, tokenize } from '../search/terms.ts'
import type { AnalysedQuestion } from './question.ts'
import type { EntityKinds } from '../search/entities.ts'
import { hasTypeFeature } from './typeFeatures.ts'
import type { AnswerSentence } from './types.ts'

/** Offsets of the words in `[start, end)` of `text` whose terms are in `terms`. */
export function highlightSpans(text: string, terms: ReadonlySet<string>, start = 0, end = text.length): Span[] {
  const spans: Span[] = []
  for (const token of tokenize(text.slice(start, end))) {
    const term = termOf(token.word)
    if (term && terms.has(term)) spans.push({ start: start + token.start, end: start + token.end })
  }
  return spans
}

/** A pronoun that refers back to a person or group already named. */
const THIRD_PERSON = /\b(?:he|she|his|her|him|they|their|them)\b/i

/** Share of a name's weight in choosing the sentence when the question asks what that person said. */
const SPEAKER_NAME_SHARE = 0.25

/** Share of a name's weight a later sentence gets for referring to it by a pronoun. */
const PRONOUN_CREDIT = 0.8

/** The question's terms that the passage writes as names (capitalised inside a sentence). */
function namesAskedAbout(passage: Passage, question: AnalysedQuestion): Set<string> {
  const names = new Set<string>()
  for (const { term, word, capitalised } of question.terms) {
    const written = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
    if (capitalised || new RegExp(String.raw`[^.!?\s]\s+${written.replace(/[^\p{L}\p{N}]/gu, '')}\b`, 'u').test(passage.text)) names.add(term)
  }
  return names
}

/**
 * The sentence of the passage that answers: the most question weight, a
 * sentence holding what the question type asks for, the one with the "who"
 * predicate, or, for "what happened after X", the one after X.
 * `sentenceTerms`: each sentence's terms when already known (the index keeps
 * them), so that the sentences need not be read again.
 */
export function chooseAnswerSentence(
  passage: Passage,
  question: AnalysedQuestion,
  weights: Map<string, number>,
  kinds: readonly EntityKinds[] = [],
  sentenceTerms: ReadonlyArray<ReadonlySet<string>> = [],
): AnswerSentence {
  const terms = new Set(weights.keys())
  let best = passage.sentences[0] ?? { text: passage.text, start: 0, end: passage.text.length }
  let bestScore = -Infinity
  const maxWeight = Math.max(0, ...weights.values())
  const names = namesAskedAbout(passage, question)
  // Names of the question already mentioned in the passage, with their weights.
  const mentioned = new Map<string, number>()
  let previousScore = 0
  // "What did X say…" is answered by the words in quotation marks, not by the sentence that introduces X.
  const speech: Span[] = question.asksWhatWasSaid ? passage.quotations : []
  for (const [position, sentence] of passage.sentences.entries()) {
    let score = 0
    const here = sentenceTerms[position] ?? new Set(tokenize(sentence.text).map((token) => termOf(token.word)))
    for (const term of here) {
      if (!term || !terms.has(term)) continue
      // Asked what someone said, their name finds the passage; within it, what they said is the rest of the question.
      score += (weights.get(term) ?? 0) * (speech.length > 0 && names.has(term) ? SPEAKER_NAME_SHARE : 1)
      // "Who refused…?" is answered by the sentence where someone refused, whatever else matches.
      if (term === question.predicate) score += maxWeight * 4
    }
    // Once named, a person is "he" or "she" in the sentences after: "Nils Oberg announced … He hopes …".
    if (THIRD_PERSON.test(sentence.text)) for (const [term, weight] of mentioned) if (!here.has(term)) score += weight * PRONOUN_CREDIT
    for (const term of names) if (here.has(term)) mentioned.set(term, weights.get(term) ?? 0)
    if (hasTypeFeature(question.type, sentence.text, kinds[position])) score += maxWeight * 0.75
    if (speech.some((span) => span.start < sentence.end && span.end > sentence.start)) score += maxWeight * 0.75
    const ownScore = score
    // "What did they do after X?": the sentence after the one about X carries the answer.
    if (question.asksWhatFollowed && ownScore > 0) score += previousScore
    previousScore = ownScore
    if (score > bestScore) {
      best = sentence
      bestScore = score
    }
  }
  best = fromQuotationStart(passage, best)
  return { passageId: passage.id, text: best.text, start: best.start, end: best.end, highlights: highlightSpans(passage.text, terms, best.start, best.end) }
}

/**
 * An answer never starts inside a quotation: a sentence that continues words
 * quoted from an earlier sentence ('… better number. The question is whether
 * it wants to," said Petra Wendt') is quoted from the sentence where they begin.
 */
function fromQuotationStart(passage: Passage, sentence: Sentence): Sentence {
  const quotation = passage.quotations.find((span) => span.start < sentence.start && span.end > sentence.start)
  if (!quotation) return sentence
  const opening = passage.sentences.find((candidate) => candidate.start <= quotation.start && quotation.start < candidate.end)
  if (!opening || opening.start >= sentence.start) return sentence
  return { text: passage.text.slice(opening.start, sentence.end), start: opening.start, end: sentence.end }
}

