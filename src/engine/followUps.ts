import type { Passage, Quotation, Span } from '../passages/types.ts'
import type { PassageIndex } from '../search/passageIndex.ts'
import { ask, retrieve, type AskContext, type AskOptions, type Retrieval } from './ask.ts'
import { analyseQuestion } from './question.ts'
import type { RankedPassage } from './types.ts'

/**
 * What an answer's follow-up buttons show, worked out from plain data alone
 * (a question, a passage id), so that any process can answer a press:
 * more passages for the question, the passages around a quoted one, and a
 * quotation the answer sentence cuts, whole.
 */

export interface MoreOptions {
  /** How many of the further passages to skip (the pages already seen). Default 0. */
  offset?: number
  /** At most this many passages. Default 3, as an answer shows. */
  limit?: number
  /**
   * A further passage must be at least this likely to bear on the question
   * (the ranking score as a probability, as answers report it). Default 0.5:
   * as likely to bear on it as not.
   */
  minScore?: number
  /** The ids the answer already shows; worked out by asking again when absent. */
  shown?: readonly string[]
  /** The ranking the answer was decided on, when the caller has it (the same question and scope): not worked out again. */
  retrieval?: Retrieval
}

export interface MoreResult {
  /** The question as the answer echoes it. */
  question: string
  /** Whether the question is answered at all: a question the engine abstains on has no "more". */
  answered: boolean
  /** This page of further passages, best first. */
  passages: RankedPassage[]
  /** How many further passages there are in all (every page). */
  total: number
  offset: number
}

export const MORE_PAGE_SIZE = 3
const DEFAULT_MIN_SCORE = 0.5

/**
 * The passages that bear on a question beyond the ones its answer shows, in
 * rank order. Pure: the same index and question give the same pages, so a
 * page is named by its offset alone.
 */
export function morePassages(index: PassageIndex, rawQuestion: string, askOptions: AskOptions | undefined, context: AskContext, options: MoreOptions = {}): MoreResult {
  const { offset = 0, limit = MORE_PAGE_SIZE, minScore = DEFAULT_MIN_SCORE } = options
  const start = Math.max(0, Math.floor(offset))
  const analysed = analyseQuestion(rawQuestion, context.normalise)
  let shown = options.shown
  if (!shown) {
    const answer = ask(index, rawQuestion, askOptions, context)
    // A summary or an abstention is not a ranking of passages: nothing to page through.
    if (!answer.answered || answer.summary) return { question: answer.question, answered: answer.answered, passages: [], total: 0, offset: start }
    shown = answer.passages.map((ranked) => ranked.passage.id)
  }
  const seen = new Set(shown)
  const { ranked } = options.retrieval ?? retrieve(index, analysed, askOptions, {}, context.isName, context.scope)
  const further = ranked
    .map((candidate): RankedPassage => ({ passage: candidate.passage, score: 1 / (1 + Math.exp(-candidate.rankScore)), matchedTerms: candidate.matchedTerms }))
    .filter((candidate) => !seen.has(candidate.passage.id) && candidate.score >= minScore)
  return { question: analysed.text, answered: true, passages: further.slice(start, start + Math.max(0, limit)), total: further.length, offset: start }
}

/** Looks a passage up by its id (the engine's `passage`). */
export type PassageLookup = (id: string) => Passage | undefined

/** The passage of an article's paragraph and part, whether the paragraph was split or not. */
function passageAt(lookup: PassageLookup, slug: string, paragraph: number, part: number): Passage | undefined {
  if (paragraph < 1 || part < 1) return undefined
  // Ids are `slug-pN` for a whole paragraph and `slug-pN.K` for the parts of a split one.
  return (part === 1 ? lookup(`${slug}-p${paragraph}`) : undefined) ?? lookup(`${slug}-p${paragraph}.${part}`)
}

/** The last part of a paragraph (the paragraph itself when it was not split). */
function lastPartOf(lookup: PassageLookup, slug: string, paragraph: number): Passage | undefined {
  let last = passageAt(lookup, slug, paragraph, 1)
  for (let part = 2; last && last.part === part - 1; part++) {
    const next = lookup(`${slug}-p${paragraph}.${part}`)
    if (!next) break
    last = next
  }
  return last
}

export interface PassageContext {
  /** The text just before the passage: the previous part of its paragraph, or the previous paragraph's last part. */
  before: Passage | null
  passage: Passage
  /** The text just after: the next part, or the next paragraph's first. */
  after: Passage | null
}

/** A passage with its neighbours in the article; null for an unknown id. */
export function passageContext(lookup: PassageLookup, passageId: string): PassageContext | null {
  const passage = lookup(passageId)
  if (!passage) return null
  const { articleSlug: slug, paragraph, part } = passage
  const before = part > 1 ? passageAt(lookup, slug, paragraph, part - 1) : lastPartOf(lookup, slug, paragraph - 1)
  const after = passageAt(lookup, slug, paragraph, part + 1) ?? passageAt(lookup, slug, paragraph + 1, 1)
  return { before: before ?? null, passage, after: after ?? null }
}

/**
 * The quotations of a passage that a sentence cuts: it takes part of one
 * but not all of it. Indexes into `passage.quotations`.
 */
export function cutQuotations(passage: Passage, sentence: Span): number[] {
  return passage.quotations.flatMap((quotation, index) => {
    const overlaps = sentence.start < quotation.end && sentence.end > quotation.start
    const contains = sentence.start <= quotation.start && sentence.end >= quotation.end
    return overlaps && !contains ? [index] : []
  })
}

export interface WholeQuotation {
  quotation: Quotation
  passage: Passage
  /** The same quotation running on into the following paragraphs (wire style: no closing mark, the next opens with one). */
  continued: Array<{ quotation: Quotation; passage: Passage }>
}

/** At most this many paragraphs of a running-on quotation are followed. */
const MAX_CONTINUATIONS = 5

/** Whether a quotation runs to the end of its passage without a closing mark. */
function runsOn(passage: Passage, quotation: Quotation): boolean {
  const rest = passage.text.slice(quotation.end)
  return /^[\s,]*$/.test(rest)
}

/** A quotation whole, with its paragraphs of continuation; null for an unknown passage or index. */
export function wholeQuotation(lookup: PassageLookup, passageId: string, index: number): WholeQuotation | null {
  const passage = lookup(passageId)
  const quotation = passage?.quotations[index]
  if (!passage || !quotation) return null
  const continued: WholeQuotation['continued'] = []
  let current = { passage, quotation }
  while (continued.length < MAX_CONTINUATIONS && runsOn(current.passage, current.quotation)) {
    const next = passageContext(lookup, current.passage.id)?.after
    const opening = next?.quotations[0]
    // The continuation opens the next paragraph with a quotation mark.
    if (!next || !opening || opening.start > 1) break
    current = { passage: next, quotation: opening }
    continued.push(current)
  }
  return { quotation, passage, continued }
}
