import type { Passage } from '../passages/types.ts'
import type { PassageIndex } from '../search/passageIndex.ts'
import { termsOf } from '../search/terms.ts'
import type { Sign } from './linearModel.ts'
import type { QuestionType } from './types.ts'

/**
 * Stage "score features": plain numbers that describe how a passage meets a
 * question, and how well the best passage meets it. A fitted linear model
 * (`linearModel.ts`, weights from `npm run train`) turns them into a ranking
 * and an answer-or-abstain decision. Every feature is general: none knows a
 * particular article or question.
 */

/** One content word of the question, weighted, with the corpus terms that stand for it. */
export interface ProfiledTerm {
  /** The index term ("talk") and the word as typed ("talks"). */
  term: string
  word: string
  /** How much the word matters: its rarity in the corpus, or a stand-in weight when the corpus lacks it. */
  weight: number
  /** The share of the rarest term's weight the word has where a corpus lacks it (1 for names). */
  absentShare?: number
  /** How many of `matches` are the word's own (itself, a typo's fix, a role's words); the rest are near words. Absent for names, which get none. */
  ownMatches?: number
  /** Found in the corpus as itself (or its acronym, or one typo away). */
  known?: boolean
  /** A name the question uses (a person, place, organisation, acronym, title): its absence weighs heavily. */
  nameLike: boolean
  /** Written as a name (capitalised inside the question, or an acronym): surely one. */
  capitalised?: boolean
  /** The thing asked for ("what *weapons*", "how many *soldiers*", "who *led*"). */
  focus: boolean
  /** After "about", "regarding": the topic asked about ("What did Asif say about *the economy*?"). */
  topic: boolean
  /** Corpus terms that match the word, each with its similarity (1 for the term itself). */
  matches: Map<string, number>
}

export interface QuestionProfile {
  type: QuestionType
  /** A yes-or-no question: a word's opposites count as its stand-ins ("open" met by "closed"). */
  yesOrNo?: boolean
  definitional: boolean
  /** The thing asked for is a noun ("what *party*", "how many *soldiers*"), not the verb after "who". */
  nounFocus?: boolean
  terms: ProfiledTerm[]
  totalWeight: number
}

/** What ranks a passage for a question. */
export const RANK_FEATURES = ['bm25', 'exactCoverage', 'softCoverage', 'typeMatch', 'adjacency', 'firstMention', 'sectionMatch', 'focusMatch', 'articleCoverage', 'topicMatch', 'sentenceCoverage', 'sentenceType', 'proximity', 'speakerMatch', 'sentenceGap', 'defines', 'contextCoverage'] as const

/** What decides whether the best passage answers the question at all. */
export const ANSWER_FEATURES = [
  'exactCoverage',
  'softCoverage',
  'articleCoverage',
  'unknownNameShare',
  'typeMatch',
  'margin',
  'rankScore',
  'focusMatch',
  'focusInArticle',
  'topicMatch',
  'topicInArticle',
  'sentenceCoverage',
  'largestGap',
  'largestGapInArticle',
  'sentenceType',
  'proximity',
  'sentenceGap',
  'termCount',
  'focusAbsent',
  'eventAbsent',
  'numberAbsent',
  'futureUnmet',
  'ageUnstated',
] as const

/** Every ranking feature but the gap can only raise a passage: more of the question met is never worse. */
export const RANK_FEATURE_SIGNS: readonly Sign[] = RANK_FEATURES.map((feature) => (feature === 'sentenceGap' ? -1 : 1))

/** Coverage and fit raise the chance of an answer; gaps and unknown names lower it; the question's length may go either way. */
const AGAINST_AN_ANSWER: ReadonlySet<(typeof ANSWER_FEATURES)[number]> = new Set([
  'unknownNameShare',
  'largestGap',
  'largestGapInArticle',
  'sentenceGap',
  'focusAbsent',
  'eventAbsent',
  'numberAbsent',
  'futureUnmet',
  'ageUnstated',
])

export const ANSWER_FEATURE_SIGNS: readonly Sign[] = ANSWER_FEATURES.map((feature) => (feature === 'termCount' ? 0 : AGAINST_AN_ANSWER.has(feature) ? -1 : 1))

/** How a question's terms meet one set of corpus terms: exact share, soft share, and whether the focus is met. */
export interface Coverage {
  exact: number
  soft: number
  focus: number
  /** The best similarity of any topic word (1 when the question names no topic). */
  topic: number
  /** The largest share of the question's weight that one word leaves unmet: a single missing key word sinks an answer. */
  largestGap: number
  /** Terms with no match at all. */
  unmatched: ProfiledTerm[]
}

/**
 * A term's matches as two plain arrays, made once per term: coverage runs for
 * every sentence of every candidate, and iterating a Map's entries allocates one
 * array per entry, which made coverage most of what an ask allocates (and so of its GC pauses).
 */
const MATCH_LISTS = new WeakMap<ProfiledTerm, { matchTerms: string[]; similarities: number[] }>()

function matchListOf(term: ProfiledTerm): { matchTerms: string[]; similarities: number[] } {
  let list = MATCH_LISTS.get(term)
  // A profiled term's matches are fixed once it is made (weighedIn makes new terms), so the lists never go stale.
  if (!list) MATCH_LISTS.set(term, (list = { matchTerms: [...term.matches.keys()], similarities: [...term.matches.values()] }))
  return list
}

/** Whatever answers whether it holds a term: a passage's term set, or a passage and the one before it. */
type TermLookup = Pick<ReadonlySet<string>, 'has'>

/** The best similarity among the term's matches that `terms` holds (0 when none). */
function bestMatch(term: ProfiledTerm, terms: TermLookup): number {
  const { matchTerms, similarities } = matchListOf(term)
  let best = 0
  for (let index = 0; index < matchTerms.length; index++) {
    const similarity = similarities[index] as number
    if (similarity > best && terms.has(matchTerms[index] as string)) best = similarity
  }
  return best
}

export function coverage(profile: QuestionProfile, terms: ReadonlySet<string>): Coverage {
  let exact = 0
  let soft = 0
  let focus = 1
  let topic = profile.terms.some((term) => term.topic) ? 0 : 1
  const unmatched: ProfiledTerm[] = []
  let largestGap = 0
  for (const term of profile.terms) {
    const best = bestMatch(term, terms)
    if (best >= 1) exact += term.weight
    soft += term.weight * best
    if (term.focus) focus = Math.min(focus, best)
    if (term.topic) topic = Math.max(topic, best)
    if (best === 0) unmatched.push(term)
    largestGap = Math.max(largestGap, term.weight * (1 - best))
  }
  const total = profile.totalWeight || 1
  return { exact: exact / total, soft: soft / total, focus, topic, largestGap: largestGap / total, unmatched }
}

/**
 * Coverage's soft share and largest gap alone, for the hot loop over every
 * sentence of every candidate: one reused result, no list of unmatched terms.
 * The result is overwritten by the next call.
 */
const SOFT_FIT = { soft: 0, largestGap: 0 }

function softFit(profile: QuestionProfile, terms: TermLookup): { readonly soft: number; readonly largestGap: number } {
  let soft = 0
  let largestGap = 0
  for (const term of profile.terms) {
    const best = bestMatch(term, terms)
    soft += term.weight * best
    largestGap = Math.max(largestGap, term.weight * (1 - best))
  }
  const total = profile.totalWeight || 1
  SOFT_FIT.soft = soft / total
  SOFT_FIT.largestGap = largestGap / total
  return SOFT_FIT
}

/** Share of the question's adjacent word pairs that stand side by side in the text ("defence minister"). */
export function adjacency(profile: QuestionProfile, sequences: string[][]): number {
  const { pairs, terms: wanted } = pairsOf(profile)
  if (pairs.size === 0) return 0
  let found = 0
  for (const terms of sequences) {
    for (let index = 1; index < terms.length; index++) {
      // Most words are not the question's: skip them before building a pair.
      if (!wanted.has(terms[index] as string) || !wanted.has(terms[index - 1] as string)) continue
      if (pairs.has(`${terms[index - 1]} ${terms[index]}`)) found++
    }
  }
  return Math.min(found, pairs.size) / pairs.size
}

/** The question's adjacent term pairs, made once per question rather than once per candidate. */
const PAIRS = new WeakMap<QuestionProfile, { pairs: Set<string>; terms: Set<string> }>()

function pairsOf(profile: QuestionProfile): { pairs: Set<string>; terms: Set<string> } {
  let entry = PAIRS.get(profile)
  if (!entry) {
    const sequence = profile.terms.map((term) => term.term)
    entry = { pairs: new Set(sequence.slice(1).map((term, index) => `${sequence[index]} ${term}`)), terms: new Set(sequence) }
    PAIRS.set(profile, entry)
  }
  return entry
}

/**
 * How close together the question's words stand in the text: the distinct
 * question terms found, over the length of the shortest stretch holding them
 * all (1 when side by side, near 0 when scattered). 0 with fewer than two.
 */
export function proximity(profile: QuestionProfile, sequence: readonly string[]): number {
  const { terms: wanted } = pairsOf(profile)
  const hits: Array<{ at: number; term: string }> = []
  sequence.forEach((term, at) => {
    if (wanted.has(term)) hits.push({ at, term })
  })
  const distinct = new Set(hits.map((hit) => hit.term)).size
  if (distinct < 2) return 0
  const counts = new Map<string, number>()
  let covered = 0
  let shortest = Infinity
  let left = 0
  for (const hit of hits) {
    counts.set(hit.term, (counts.get(hit.term) ?? 0) + 1)
    if (counts.get(hit.term) === 1) covered++
    while (covered === distinct) {
      const start = hits[left] as { at: number; term: string }
      shortest = Math.min(shortest, hit.at - start.at + 1)
      const remaining = (counts.get(start.term) as number) - 1
      counts.set(start.term, remaining)
      if (remaining === 0) covered--
      left++
    }
  }
  return distinct / shortest
}

export interface CandidateContext {
  index: PassageIndex
  position: number
  /** The candidate's retrieval score over the best candidate's (0–1]. */
  relativeScore: number
  typeMatch: boolean
  /** Whether sentence N of the candidate holds what the question type asks for. */
  sentenceTypeMatch: (sentence: number) => boolean
  firstMention: boolean
  /** For "what is X": the passage defines X ("… (TTP)", "X, a militant group", "X stands for"). */
  defines: boolean
  /** How the question meets the candidate's whole article: passages of the article that covers the question rank first. */
  article: Coverage
  /** For "what did X say": index terms of the passage's speakers (names and roles) when it quotes or reports them, else null. */
  speakerTerms: ReadonlySet<string> | null
}

/** A passage's section heading as terms, read once per passage rather than once per question. */
const SECTION_TERMS = new WeakMap<Passage, { sectionTerms: string[]; sectionSet: Set<string> }>()

function sectionTermsOf(passage: Passage): { sectionTerms: string[]; sectionSet: Set<string> } {
  let entry = SECTION_TERMS.get(passage)
  if (!entry) {
    const sectionTerms = passage.section ? termsOf(passage.section) : []
    SECTION_TERMS.set(passage, (entry = { sectionTerms, sectionSet: new Set(sectionTerms) }))
  }
  return entry
}

export function rankFeatures(profile: QuestionProfile, context: CandidateContext): number[] {
  const passage = context.index.passages[context.position] as Passage
  const met = coverage(profile, context.index.passageTerms[context.position] as Set<string>)
  const { sectionTerms, sectionSet } = sectionTermsOf(passage)
  const section = sectionTerms.length > 0 ? softFit(profile, sectionSet).soft : 0
  // Answers sit in one sentence: the best sentence's share of the question, and whether that sentence holds the answer type.
  let sentenceBest = 0
  let sentenceType = 0
  let sentenceGap = 1
  const sentences = context.index.sentenceTerms[context.position] ?? []
  sentences.forEach((terms, sentence) => {
    const met = softFit(profile, terms)
    if (met.soft > sentenceBest) {
      sentenceBest = met.soft
      sentenceType = context.sentenceTypeMatch(sentence) ? 1 : 0
      sentenceGap = met.largestGap
    }
  })
  return [
    context.relativeScore,
    met.exact,
    met.soft,
    context.typeMatch ? 1 : 0,
    adjacency(profile, [context.index.termSequences[context.position] ?? [], sectionTerms]),
    context.firstMention ? 1 : 0,
    section,
    met.focus,
    context.article.soft,
    met.topic,
    sentenceBest,
    sentenceType,
    proximity(profile, context.index.termSequences[context.position] ?? []),
    context.speakerTerms ? coverage(profile, context.speakerTerms).exact : 0,
    sentenceGap,
    context.defines ? 1 : 0,
    contextCoverage(profile, context.index, context.position, met.soft),
  ]
}

/**
 * What the paragraph before adds: the question's soft share met by the passage and the one
 * before it in the same article, over the passage's own. A quotation that runs on ("He
 * continued: …", "We tested the system twice.") leaves its speaker and subject to the paragraph before.
 */
function contextCoverage(profile: QuestionProfile, index: PassageIndex, position: number, own: number): number {
  const passage = index.passages[position] as Passage
  const before = index.passages[position - 1]
  if (!before || before.articleSlug !== passage.articleSlug) return 0
  const ownTerms = index.passageTerms[position] as Set<string>
  const beforeTerms = index.passageTerms[position - 1] as Set<string>
  return Math.max(0, softFit(profile, { has: (term) => ownTerms.has(term) || beforeTerms.has(term) }).soft - own)
}

export interface DecisionContext {
  profile: QuestionProfile
  /** Rank features of the best passage. */
  best: number[]
  /** Ranking score of the best passage and of the runner-up (or null). */
  bestScore: number
  runnerUpScore: number | null
  /** How the question meets the best passage's whole article. */
  article: Coverage
  /** The best passage's largest gap (see Coverage). */
  largestGap: number
  /** The best passage's index terms. */
  passageTerms: ReadonlySet<string>
  /** The question asks what is yet to happen and the sentence that would answer says nothing of the future (futureUnmet). */
  futureUnmet: boolean
  /** The question asks for an age ("how old is…") and the best passage states none (`AGE_STATEMENT`). */
  ageUnstated?: boolean
}

/**
 * Words with which a sentence speaks of what is yet to happen: "will reopen",
 * "is due to resume", "expected to sign", "plans to", "could", "next week".
 * A question about the future answered by a sentence with none of them is
 * usually answered by what already happened instead.
 */
export const FUTURE_STATEMENT = /\b(?:will|would|won['’]?t|shall|next|upcoming|expected|expects?|due|scheduled|plans?|planned|planning|set to|later|future|soon|intends?|intended|aims? to|hopes?|is to|are to|could|may|might|going to|until|yet to)\b/i

/**
 * How news gives an age: "Hugo Brandt, 71,", "the 71-year-old", "aged 71",
 * "71 years old"; a firm's or a building's by when it began ("founded in
 * 1872", "dates back to", "since 1990"). "How old is X?" answered by a
 * passage with none of them is answered with something else about X.
 */
export const AGE_STATEMENT = /\b\d{1,3}-year-old\b|\b\d{1,3} years? old\b|\baged\s+\d{1,3}\b|\bage of \d{1,3}\b|\p{Lu}\p{L}+, \d{1,3}[,.)]|\(\d{1,3}\)|\bborn\b|\b(?:founded|established|set up|formed|built|dates? (?:back )?to|since)\b/iu

/** A year ("1107", "the 1100s") or an ordinal ("the 11th century") as an index term. */
const YEAR_OR_ORDINAL = /^(?:1\d{3}|20\d{2}|\d+(?:st|nd|rd|th))$/

/**
 * The share of the question's weight in years and ordinals ("in 1107", "the 11th
 * century", "the 1100s") that the best passage does not state. A date matches
 * only itself: "the 10th century" is not "the 11th", however near their vectors.
 * Other numbers are left to coverage: in chat "2" and "4" are often words.
 */
export function numberGap(profile: QuestionProfile, passageTerms: ReadonlySet<string>): number {
  let missing = 0
  for (const term of profile.terms) if (YEAR_OR_ORDINAL.test(term.term) && !passageTerms.has(term.term)) missing += term.weight
  return missing / (profile.totalWeight || 1)
}

/** Below this, the article's nearest word to the thing asked for is too loose a relation to count as naming it. */
const FOCUS_ABSENT = 0.2

/**
 * An event needs a closer word than a thing does (credit 0.5, a cosine of 0.8):
 * verbs near in vectors are often different events ("expire" and "collapse").
 * Chosen by 4-fold cross-validation (0.2–0.3: more false abstentions; 0.4–0.7 alike).
 */
const EVENT_ABSENT = 0.5

export function answerFeatures({ profile, best, bestScore, runnerUpScore, article, largestGap, passageTerms, futureUnmet, ageUnstated = false }: DecisionContext): number[] {
  const feature = (name: (typeof RANK_FEATURES)[number]) => best[RANK_FEATURES.indexOf(name)] as number
  const unknownNames = article.unmatched.filter((term) => term.nameLike).reduce((sum, term) => sum + term.weight, 0)
  const hasFocus = profile.terms.some((term) => term.focus)
  return [
    feature('exactCoverage'),
    feature('softCoverage'),
    article.soft,
    unknownNames / (profile.totalWeight || 1),
    feature('typeMatch'),
    runnerUpScore === null ? 1 : Math.min(bestScore - runnerUpScore, 5),
    bestScore,
    feature('focusMatch'),
    article.focus,
    feature('topicMatch'),
    article.topic,
    feature('sentenceCoverage'),
    largestGap,
    article.largestGap,
    feature('sentenceType'),
    feature('proximity'),
    feature('sentenceGap'),
    Math.min(profile.terms.length, 10) / 10,
    // "What party…", "how old…" where the article names no party, gives no age: the thing asked for is not there at all.
    hasFocus && profile.nounFocus && article.focus < FOCUS_ABSENT ? 1 : 0,
    // "When does the truce expire?", "who led…?" where the article never speaks of expiring or leading: the event asked about is not there.
    hasFocus && !profile.nounFocus && article.focus < EVENT_ABSENT ? 1 : 0,
    numberGap(profile, passageTerms),
    futureUnmet ? 1 : 0,
    ageUnstated ? 1 : 0,
  ]
}
