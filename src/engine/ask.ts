import type { Passage } from '../passages/types.ts'
import type { PassageIndex, Vocabulary } from '../search/passageIndex.ts'
import type { SoftMatch } from '../search/softMatcher.ts'
import { TITLE_WORDS } from '../passages/names.ts'
import { foldText, termsOf, tokenize, type Token } from '../search/terms.ts'
import { PARTICLES } from '../semantics/phrasalVerbs.ts'
import type { QuestionNormaliser } from '../normalise/questionNormaliser.ts'
import { analyseQuestion, type AnalysedQuestion } from './question.ts'
import { isInitialism } from './quote.ts'
import { chooseAnswerSentence } from './answerSentence.ts'
import { candidates, firstMentionsOf, type WeightedTerm } from './candidates.ts'
import { AGE_STATEMENT, ANSWER_FEATURES, answerFeatures, coverage, FUTURE_STATEMENT, rankFeatures, type CandidateContext, type Coverage, type ProfiledTerm, type QuestionProfile } from './features.ts'
import type { LinearModel } from './linearModel.ts'
import { answerabilityModel, rankingModel } from './models.ts'
import { hasTypeFeature } from './typeFeatures.ts'
import type { AnswerSentence, AskResult, RankedPassage, SummaryResult, UnansweredQuestion } from './types.ts'

/**
 * The ask pipeline, one stage per module:
 *   normalise + analyse (question.ts) → retrieve (candidates.ts) → score features (features.ts)
 *   → rank and decide (models.ts: fitted linear models) → choose the sentence (answerSentence.ts).
 */
export interface AskOptions {
  /**
   * Weight of an unknown lower-case word, as a share of the rarest term's.
   * Lower than a name's because paraphrases are often absent while the topic is present. Default 0.45.
   */
  unknownWordWeight?: number
  /** Weight of an unknown but very common English word ("first", "supposed"), as a share of the rarest term's. Default 0.15. */
  ordinaryWordWeight?: number
  /** Similarity credited to a term reached by correcting a typo. Default 0.7. */
  typoSimilarity?: number
  /** Similarity credited to a one-word verb a question's phrasal verb means ("thrown out" met by "discarded"; WordNet). Default 0.8. */
  phrasalSimilarity?: number
  /** Similarity credited to a word's form in another part of speech ("Swedish" met by "Sweden"; WordNet's pertainyms). Default 0.85. */
  relatedFormSimilarity?: number
  /** Word-vector cosine below which a corpus word earns no credit for a question word; credit rises linearly to 1 at cosine 1. Default 0.5. */
  softFloor?: number
  /** At most this many passages in an answer, the best included. Default 3. */
  maxPassages?: number
  /** A supporting passage's ranking score (log-odds) may be at most this far below the best's. Default 3. */
  supportMargin?: number
  /** Probability of "answerable" at or above which the engine answers; default: the fitted model's threshold. */
  answerThreshold?: number
  /**
   * A floor under the fitted decision: the best passage must meet at least this share of the question's
   * weight, in its own words or in others. Below it nothing the model learned can make an answer of it. Default 0.25.
   */
  minCoverage?: number
}

export const defaultAskOptions: Required<Omit<AskOptions, 'answerThreshold'>> = {
  unknownWordWeight: 0.45,
  ordinaryWordWeight: 0.15,
  typoSimilarity: 0.7,
  phrasalSimilarity: 0.8,
  relatedFormSimilarity: 0.85,
  softFloor: 0.6,
  minCoverage: 0.25,
  maxPassages: 3,
  supportMargin: 3,
}

type Settings = typeof defaultAskOptions & Pick<AskOptions, 'answerThreshold'>

/** Lower-case words shorter than this are never corrected as typos; names always may be. */
const MIN_TYPO_FIX_LENGTH = 7

/** Words for news outlets: a question asking "which paper" wants a passage that names one. */
const OUTLET_WORDS = new Set(['outlet', 'outlets', 'paper', 'papers', 'newspaper', 'newspapers', 'agency', 'agencies', 'media', 'channel', 'publication', 'source', 'sources'])

/**
 * The corpus term a question word stands for: itself, its acronym form
 * ("ttp" → "TTP"), its form in another part of speech ("Swedish" → "sweden";
 * not for one word of a compound name), or, for an uninflected name or long
 * word, the term one typo away.
 */
function resolveTerm(index: PassageIndex, term: string, word: string, capitalised: boolean, inCompoundName: boolean): { term: string; corrected: boolean; related?: boolean } | null {
  const { vocabulary } = index
  if (vocabulary.has(term)) return { term, corrected: false }
  const acronym = term.toUpperCase()
  if (vocabulary.has(acronym)) return { term: acronym, corrected: false }
  // The same thing in another part of speech ("Swedish" where the corpus says "Sweden") before a typo's fix: it is no typo.
  const related = inCompoundName ? undefined : index.relatedForms?.of(term).find((form) => vocabulary.has(form))
  if (related) return { term: related, corrected: false, related: true }
  if (term !== foldText(word) || (!capitalised && word.length < MIN_TYPO_FIX_LENGTH)) return null
  const nearest = vocabulary.nearest(term)
  return nearest ? { term: nearest, corrected: true } : null
}

/** The roles the corpus names (each as its words), per index: for questions that give a role by its initials. */
const ROLES = new WeakMap<PassageIndex, string[][]>()

function roleOfInitials(index: PassageIndex, word: string): string[] | null {
  let roles = ROLES.get(index)
  if (!roles) {
    const seen = new Map<string, string[]>()
    for (const passage of index.passages) {
      for (const person of passage.people) if (person.role) seen.set(foldText(person.role), foldText(person.role).split(/[^a-z]+/).filter(Boolean))
    }
    ROLES.set(index, (roles = [...seen.values()]))
  }
  const folded = foldText(word)
  const found = roles.find((roleWords) => isInitialism(folded, roleWords))
  return found ? termsOf(found.join(' ')) : null
}

/** The weight of a word the corpus lacks, as a share of the rarest term's: from English word frequency when vectors are loaded. */
function unknownWordShare(index: PassageIndex, word: string, term: string, settings: Settings): number {
  const rank = index.softMatcher?.rank(word)
  if (!index.softMatcher) return settings.unknownWordWeight
  // Not among the 50,000 most frequent words: rare, or a name.
  if (rank === undefined) return 1
  return Math.min(1, Math.max(settings.ordinaryWordWeight, Math.log(rank) / Math.log(RARE_RANK)))
}

/**
 * Light nouns: English words too general to be the thing a question asks for
 * ("what *kind* of…", "the main *thing*"). "People" is as light: "how many
 * people…" is answered by a count of passengers, workers or volunteers. Any other
 * head noun is: "what *party*", "what *age*", however common the word.
 */
const LIGHT_NOUNS = new Set(['thing', 'things', 'time', 'way', 'ways', 'kind', 'kinds', 'sort', 'sorts', 'type', 'types', 'part', 'parts', 'stuff', 'one', 'ones', 'lot', 'lots', 'bit', 'main', 'sense', 'aspect', 'aspects', 'point', 'points', 'fact', 'facts', 'name', 'names', 'something', 'anything', 'everything', 'else', 'other', 'others', 'much', 'many', 'some', 'exactly', 'actually', 'people', 'person', 'persons', 'folks', 'individuals'])

/**
 * Indefinite pronouns ("anyone", "everyone", "nothing") are English function
 * words: they point at someone rather than name a topic, so however rare in an
 * article, they weigh no more than a very common word. Kept as terms, not dropped:
 * "what did everyone agree" still prefers the passage that says "everyone".
 */
const INDEFINITE_PRONOUNS = new Set(['anyone', 'anybody', 'anything', 'everyone', 'everybody', 'everything', 'someone', 'somebody', 'something', 'noone', 'nobody', 'nothing'])

/** A term's weight from its idf, an indefinite pronoun held to a common word's. */
function termWeight(word: string, idf: number, maxIdf: number, settings: Settings): number {
  return INDEFINITE_PRONOUNS.has(foldText(word)) ? Math.min(idf, maxIdf * settings.ordinaryWordWeight) : idf
}

/** Each word of a text (lower case) → the word right after its first use: a verb's particle ("thrown *out*"). */
function wordsFollowing(text: string): Map<string, string> {
  const tokens = tokenize(text)
  const following = new Map<string, string>()
  for (let at = 0; at < tokens.length - 1; at++) {
    const word = (tokens[at] as Token).word.toLowerCase()
    if (!following.has(word)) following.set(word, (tokens[at + 1] as Token).word.toLowerCase())
  }
  return following
}

/** A word this far down the frequency list weighs as much as a name when the corpus lacks it. */
const RARE_RANK = 50_000

/** Stage "analyse", second half: each question word weighted, with the corpus terms that can stand for it. */
export function profileQuestion(index: PassageIndex, question: AnalysedQuestion, settings: Settings, isName: (word: string) => boolean = () => false): QuestionProfile {
  const { vocabulary } = index
  const maxIdf = vocabulary.maxIdf()
  const terms: ProfiledTerm[] = []
  // Only a loaded phrasal-verb table needs the word after each word.
  const followers = index.phrasalVerbs ? wordsFollowing(question.readAs) : null
  for (const [position, { term, word, capitalised: writtenAsName, topic }] of question.terms.entries()) {
    // A sentence's first word is capitalised anyway: it counts as written as a name only when it is one ("Bitcoin rose", "Iran said").
    const capitalised = writtenAsName || (position === 0 && /^\p{Lu}/u.test(word) && isName(word))
    // One word of a name written as several ("European Union", "Bank of England") is no adjective of a place: it keeps its form.
    const inCompoundName = capitalised && (question.terms[position - 1]?.capitalised === true || question.terms[position + 1]?.capitalised === true)
    const resolved = resolveTerm(index, term, word, capitalised, inCompoundName)
    const matches = new Map<string, number>()
    if (resolved) matches.set(resolved.term, resolved.related ? settings.relatedFormSimilarity : resolved.corrected ? settings.typoSimilarity : 1)
    // Words of the corpus near in meaning ("injured" for "hurt"), by word vectors: general, for any article.
    // A title names a person as surely as a name does ("the president", "the prime minister").
    const nextWord = question.terms[position + 1]?.word
    // A role's initials ("ceo" for "chief executive officer") stand for the role's words, and are no name.
    const role = roleOfInitials(index, word)
    if (role) for (const roleTerm of role) if (!matches.has(roleTerm)) matches.set(roleTerm, 1)
    // A name, capitalised or not: the dictionary knows "india" only as "India".
    const name = !role && (capitalised || isName(word))
    const nameLike = name || TITLE_WORDS.has(foldText(word)) || (nextWord !== undefined && TITLE_WORDS.has(foldText(nextWord)))
    // A name's forms in other parts of speech the corpus also uses ("Irish" for "Ireland", "Swedish" for "Sweden"): the same
    // place or people. Common words keep their own ("official" is no "office"), but for one the corpus lacks (resolveTerm).
    if (name && !inCompoundName) for (const form of index.relatedForms?.of(resolved?.term ?? term) ?? []) if (vocabulary.has(form) && !matches.has(form)) matches.set(form, settings.relatedFormSimilarity)
    // A phrasal verb means what its verb does not ("thrown out": discarded, expelled): WordNet's one-word verbs for it.
    const particle = followers?.get(word.toLowerCase())
    if (!role && !capitalised && particle !== undefined && PARTICLES.has(particle) && index.phrasalVerbs) {
      for (const meaning of index.phrasalVerbs.meanings(term, particle)) if (vocabulary.has(meaning) && !matches.has(meaning)) matches.set(meaning, settings.phrasalSimilarity)
    }
    // Names are not interchangeable: "Saudi" is not answered by "Qatar", however near their vectors.
    const ownMatches = matches.size
    if (!name) addSoftMatches(matches, index.softMatcher?.matches(word, question.asksYesOrNo) ?? [], settings)
    // A word the corpus lacks weighs by how rare it is in English: a missing "first" says little, a missing "cricket" much.
    const absentShare = nameLike ? 1 : unknownWordShare(index, word, term, settings)
    const weight = termWeight(word, resolved ? vocabulary.idf(resolved.term) : maxIdf * absentShare, maxIdf, settings)
    // Light nouns ("main", "way", "thing") are not a kind of thing the article would name.
    // "Which paper…" asks for an outlet, which the passage names rather than calls a paper: the type says it.
    const focus = question.focus?.word === word && !LIGHT_NOUNS.has(foldText(word)) && !INDEFINITE_PRONOUNS.has(foldText(word)) && !OUTLET_WORDS.has(foldText(word))
    terms.push({ term: resolved?.term ?? term, word, weight, absentShare, ownMatches: name ? undefined : ownMatches, known: resolved !== null, nameLike, capitalised, focus, topic, matches })
  }
  return { type: question.type, yesOrNo: question.asksYesOrNo, definitional: question.definitional, nounFocus: question.focusIsNoun, terms, totalWeight: terms.reduce((sum, term) => sum + term.weight, 0) }
}

/**
 * The question weighed by one article's own statistics: answerability is
 * judged against the article that answers, so that other articles (their
 * sizes, their words) change nothing about it.
 */
function weighedIn(profile: QuestionProfile, vocabulary: Vocabulary, articleTerms: ReadonlySet<string>, index: PassageIndex, settings: Settings): QuestionProfile {
  const maxIdf = vocabulary.maxIdf()
  const terms = profile.terms.map((term) => {
    const weight = termWeight(term.word, term.known && vocabulary.has(term.term) ? vocabulary.idf(term.term) : maxIdf * (term.absentShare ?? 1), maxIdf, settings)
    // The article's own nearest words: corpus-wide, other articles' words may have taken every place.
    if (term.ownMatches === undefined || !index.softMatcher) return { ...term, weight }
    const matches = new Map([...term.matches].slice(0, term.ownMatches))
    addSoftMatches(matches, index.softMatcher.matchesWithin(term.word, articleTerms, profile.yesOrNo), settings)
    return { ...term, weight, matches }
  })
  return { ...profile, terms, totalWeight: terms.reduce((sum, term) => sum + term.weight, 0) }
}

/** A cosine of 0.6 is a loose relation, 0.9 nearly the same word: credit grows from nothing at softFloor to full at 1. */
function addSoftMatches(matches: Map<string, number>, near: readonly SoftMatch[], settings: Settings): void {
  for (const { term, similarity } of near) {
    const credit = (similarity - settings.softFloor) / (1 - settings.softFloor)
    if (credit > 0 && !matches.has(term)) matches.set(term, credit)
  }
}

function abstain(question: AnalysedQuestion, reason: UnansweredQuestion['reason'], missing: string[], index: PassageIndex): UnansweredQuestion {
  return { answered: false, question: question.text, readAs: question.readAs, type: question.type, reason, missing, topics: index.topics, passages: [] }
}

/**
 * "How does the article end?": the last (or first) passage, its last (or
 * first) sentence as the answer. Only where the corpus is one article.
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

/**
 * Where a text defines what a question asks about: "Tehrik-e-Taliban Pakistan
 * (TTP)", "the TTP, a militant group", "TTP stands for". General English forms.
 */
function definingPattern(profile: QuestionProfile): RegExp | null {
  const words = profile.terms.map((term) => term.word.replace(/[^\p{L}\p{N}]/gu, '')).filter((word) => word.length > 1)
  if (words.length === 0) return null
  const names = words.join('|')
  return new RegExp(String.raw`\((?:${names})\)|\b(?:${names})\b(?:,\s+(?:a|an|the)\s|\s+(?:stands for|means|refers to)\b)`, 'iu')
}

/** The index terms of everyone a passage quotes or reports: their names and roles. */
function speakerTermsOf(passage: Passage): Set<string> {
  let terms = SPEAKER_TERMS.get(passage)
  if (!terms) SPEAKER_TERMS.set(passage, (terms = new Set(termsOf(passage.attributions.map(({ speaker }) => `${speaker.name} ${speaker.role ?? ''}`).join(' ')))))
  return terms
}

/** A passage's speakers and role holders do not change: their terms are worked out once, not per question. */
const SPEAKER_TERMS = new WeakMap<Passage, Set<string>>()
const ROLE_HOLDERS = new WeakMap<Passage, { terms: Set<string>; roles: string[][] }>()

/**
 * For "who is the ceo of X": the index terms of the roles a passage names with
 * their holders (role, affiliation, title, name), and the question's own word
 * when it is a role's initials ("ceo" for "chief executive officer").
 */
function roleHolderTermsOf(passage: Passage, profile: QuestionProfile): Set<string> {
  let holders = ROLE_HOLDERS.get(passage)
  if (!holders) {
    holders = { terms: new Set(), roles: [] }
    for (const person of passage.people) {
      if (!person.role || !person.isPerson) continue
      for (const term of termsOf(`${person.name} ${person.role} ${person.affiliation ?? ''} ${person.title ?? ''}`)) holders.terms.add(term)
      holders.roles.push(foldText(person.role).split(/[^a-z]+/).filter(Boolean))
    }
    ROLE_HOLDERS.set(passage, holders)
  }
  const initials = profile.terms.filter((term) => holders.roles.some((roleWords) => isInitialism(foldText(term.word), roleWords)))
  if (initials.length === 0) return holders.terms
  return new Set([...holders.terms, ...initials.map((term) => term.term)])
}

/** What ask may use beyond the index: the question pipeline's first stage, and the article's summary for "tl;dr". */
export interface AskContext {
  normalise?: QuestionNormaliser
  /** The short summary of the one article asked about; null when the question cannot say which. */
  summary?: () => SummaryResult | null
  /** Whether a word is a name whatever its case (from the English dictionary). */
  isName?: (word: string) => boolean
  /** The articles that may answer (a server's, or the one picked), by slug; all when absent. */
  scope?: ReadonlySet<string>
  /** Called with the ranking ask decided on, for a caller to reuse (the engine's `more` right after an answer). */
  onRetrieval?: (retrieval: Retrieval) => void
}

/** "tl;dr": the short summary, its first sentence as the answer, its passages as the sources. */
function answerWithSummary(index: PassageIndex, question: AnalysedQuestion, summary: SummaryResult): AskResult | null {
  const [first] = summary.sentences
  const passages = [...new Set(summary.sentences.map((sentence) => sentence.passageId))].flatMap((id) => index.passages.filter((passage) => passage.id === id))
  const lead = passages[0]
  if (!first || !lead) return null
  const start = Math.max(0, lead.text.indexOf(first.text))
  return {
    answered: true,
    question: question.text,
    type: question.type,
    answer: { passageId: lead.id, text: first.text, start, end: start + first.text.length, highlights: [] },
    passages: passages.map((passage) => ({ passage, score: 1, matchedTerms: [] })),
    summary,
  }
}

/** A candidate passage with its features and ranking score. */
export interface ScoredCandidate {
  position: number
  passage: Passage
  matchedTerms: string[]
  features: number[]
  rankScore: number
  /** MiniSearch's score, before re-ranking. */
  retrievalScore: number
}

export interface Retrieval {
  question: AnalysedQuestion
  profile: QuestionProfile
  /** Best first. */
  ranked: ScoredCandidate[]
  /** Features of the decision for the best candidate, or null when there is none. */
  decision: number[] | null
  /** How the question meets the best candidate's article. */
  article: Coverage | null
  /** Each corpus term searched, with the weight of the question word it stands for (times its similarity). */
  weights: Map<string, number>
  /** The best passage's answer sentence, when the decision already needed it (a question about the future). */
  answerSentence?: AnswerSentence
  /** The question names the outlet someone told ("tell the Dunmere Gazette") and the best passage does not (`outletUnmet`). */
  outletUnmet?: boolean
}

/** Stages "retrieve" and "score features": exposed apart so that `npm run train` fits on exactly what ask sees. */
export interface Models {
  ranking?: LinearModel
  answerability?: LinearModel
}

/** Stage "choose the sentence", for the best candidate, with the sentence kinds and terms the index keeps. */
function answerSentenceOf(index: PassageIndex, best: ScoredCandidate, question: AnalysedQuestion, weights: Map<string, number>): AnswerSentence {
  return chooseAnswerSentence(best.passage, question, weights, index.sentenceKinds[best.position], index.sentenceTerms[best.position])
}

export function retrieve(
  index: PassageIndex,
  question: AnalysedQuestion,
  options: AskOptions = {},
  models: Models = {},
  isName?: (word: string) => boolean,
  scope?: ReadonlySet<string>,
): Retrieval {
  const ranking = models.ranking ?? rankingModel()
  const settings: Settings = { ...defaultAskOptions, ...options }
  const profile = profileQuestion(index, question, settings, isName)
  const weights = new Map<string, number>()
  for (const term of profile.terms) {
    for (const [match, similarity] of term.matches) weights.set(match, Math.max(term.weight * similarity, weights.get(match) ?? 0))
  }
  const searchTerms: WeightedTerm[] = [...weights].map(([term, weight]) => ({ term, weight }))
  if (searchTerms.length === 0) return { question, profile, ranked: [], decision: null, article: null, weights }

  // Scope (a server's articles, or the one picked): only its passages are candidates.
  const inScope = scope ? (position: number) => scope.has((index.passages[position] as Passage).articleSlug) : undefined
  const found = candidates(searchTerms, index, inScope)
  const topScore = Math.max(...found.map((candidate) => candidate.score), 1e-9)
  const firstMentions = question.definitional ? firstMentionsOf(index, profile.terms.map((term) => term.term)) : new Set<number>()
  const definitions = question.definitional ? definingPattern(profile) : null
  const asksForOutlet = question.focus !== null && OUTLET_WORDS.has(foldText(question.focus.word))
  const articleCoverage = new Map<string, Coverage>()
  const coverageOf = (slug: string) => {
    let met = articleCoverage.get(slug)
    if (!met) articleCoverage.set(slug, (met = coverage(profile, index.articleTerms.get(slug) ?? new Set())))
    return met
  }
  const contextOf = (position: number, score: number, articleCoverage: Coverage): CandidateContext => {
    const passage = index.passages[position] as Passage
    const kinds = index.sentenceKinds[position] ?? []
    const sentenceTypeMatch = (sentence: number) => {
      const text = passage.sentences[sentence]?.text ?? ''
      // "How old is X" is read as "what age": an age is what it asks for, as a date is for "when".
      if (question.asksAge) return AGE_STATEMENT.test(text)
      return hasTypeFeature(question.type, text, kinds[sentence]) || (asksForOutlet && passage.outlets.some((outlet) => text.includes(outlet)))
    }
    return {
      index,
      position,
      relativeScore: score / topScore,
      typeMatch: passage.sentences.some((_, sentence) => sentenceTypeMatch(sentence)) || (asksForOutlet && passage.outlets.length > 0),
      sentenceTypeMatch,
      firstMention: firstMentions.has(position),
      defines: definitions !== null && definitions.test(passage.text),
      article: articleCoverage,
      speakerTerms:
        question.asksWhatWasSaid && passage.quotations.length > 0
          ? speakerTermsOf(passage)
          : question.type === 'who' && passage.people.length > 0
            ? roleHolderTermsOf(passage, profile)
            : null,
    }
  }
  const ranked = found
    .map(({ position, score, matchedTerms }): ScoredCandidate => {
      const passage = index.passages[position] as Passage
      const features = rankFeatures(profile, contextOf(position, score, coverageOf(passage.articleSlug)))
      return { position, passage, matchedTerms, features, rankScore: ranking.score(features), retrievalScore: score }
    })
    .sort((a, b) => b.rankScore - a.rankScore || a.position - b.position)
  const [best, runnerUp] = ranked
  if (!best) return { question, profile, ranked, decision: null, article: null, weights }
  // The decision, in the best article's own terms.
  const slug = best.passage.articleSlug
  const own = index.articleVocabularies.get(slug)
  const articleTerms = index.articleTerms.get(slug) ?? new Set<string>()
  const judged = own ? weighedIn(profile, own, articleTerms, index, settings) : profile
  const article = coverage(judged, articleTerms)
  const bestFeatures = own ? rankFeatures(judged, contextOf(best.position, best.retrievalScore, article)) : best.features
  const passageTerms = index.passageTerms[best.position] as Set<string>
  const largestGap = coverage(judged, passageTerms).largestGap
  // Only a question about the future needs its answer sentence before the decision; ask then reuses it.
  const answerSentence = question.asksAboutFuture ? answerSentenceOf(index, best, question, weights) : undefined
  const futureUnmet = answerSentence !== undefined && !FUTURE_STATEMENT.test(answerSentence.text)
  const ageUnstated = question.asksAge && !AGE_STATEMENT.test(best.passage.text)
  const decision = answerFeatures({ profile: judged, best: bestFeatures, bestScore: best.rankScore, runnerUpScore: runnerUp?.rankScore ?? null, article, largestGap, passageTerms, futureUnmet, ageUnstated })
  return { question, profile, ranked, decision, article, weights, outletUnmet: outletUnmet(index, question, passageTerms), ...(answerSentence ? { answerSentence } : {}) }
}

/**
 * The two fixed limits around the fitted decision, which `npm run train` fits
 * inside of: a question naming someone or something the best passage's article
 * never mentions cannot be answered from it (another article naming them does
 * not help: the answer must come from one), and the best passage must meet at
 * least `minCoverage` of the question. Only names written as names count: a
 * lower-case "american" may be the article's "US", which the model weighs instead.
 * "What did X tell <outlet>" needs that outlet and that teller in the best passage (`outletUnmet`).
 */
export function withinFixedLimits({ decision, article, outletUnmet }: Retrieval, options: AskOptions = {}): boolean {
  if (!decision || !article || outletUnmet) return false
  if (article.unmatched.some((term) => term.capitalised)) return false
  return (decision[ANSWER_FEATURES.indexOf('softCoverage')] ?? 0) >= (options.minCoverage ?? defaultAskOptions.minCoverage)
}

/** The terms of every outlet the corpus names, per index ("reuter", "dunmer gazett"): what "told X" may name. */
const OUTLET_TERMS = new WeakMap<PassageIndex, Set<string>>()

function outletTermsOf(index: PassageIndex): Set<string> {
  let terms = OUTLET_TERMS.get(index)
  if (!terms) {
    terms = new Set()
    for (const passage of index.passages) {
      for (const outlet of [...passage.outlets, ...passage.attributions.map((attribution) => attribution.via)]) for (const term of outlet ? termsOf(outlet) : []) terms.add(term)
    }
    OUTLET_TERMS.set(index, terms)
  }
  return terms
}

/**
 * "What did Venn tell the Dunmere Gazette…" when the best passage has Venn telling
 * Farmline Radio, or no outlet at all, or someone else telling the Gazette: a
 * quotation bot must not hand over words said to another outlet, or by someone
 * else, as the words asked for. Whom the words were told to counts as an outlet
 * when written as a name or when the corpus names it as one ("tell reuters");
 * "tell the analysts", "tell her staff" name no outlet.
 */
function outletUnmet(index: PassageIndex, question: AnalysedQuestion, passageTerms: ReadonlySet<string>): boolean {
  const told = question.toldTo
  if (!told) return false
  // An acronym is indexed in capitals ("AFP"), whatever case the question gave it.
  const within = (terms: ReadonlySet<string>) => (term: string) => terms.has(term) || terms.has(term.toUpperCase())
  if (!told.capitalised && !told.terms.some(within(outletTermsOf(index)))) return false
  // The outlet named, and the one who told it (by any word of the name: later passages give the surname alone).
  return !told.terms.every(within(passageTerms)) || (told.speaker.length > 0 && !told.speaker.some(within(passageTerms)))
}

/**
 * Answers a question with the passages that contain the answer, or says the
 * corpus does not answer it. Pure: the index in, plain data out.
 */
export function ask(index: PassageIndex, rawQuestion: string, options: AskOptions = {}, context: AskContext = {}): AskResult {
  const settings: Settings = { ...defaultAskOptions, ...options }
  const question = analyseQuestion(rawQuestion, context.normalise)
  if (question.aboutTheText === 'author') return abstain(question, 'no-author', [], index)
  if (question.aboutTheText === 'summary') {
    const summary = context.summary?.()
    const answer = summary ? answerWithSummary(index, question, summary) : null
    if (answer) return answer
  }
  const positional = question.position ? answerByPosition(index, question, question.position, context.scope) : null
  if (positional) return positional
  if (question.terms.length === 0) return abstain(question, 'no-question', [], index)

  const retrieval = retrieve(index, question, settings, {}, context.isName, context.scope)
  context.onRetrieval?.(retrieval)
  const { profile, ranked, decision, article, weights } = retrieval
  const missingWords = (article?.unmatched ?? profile.terms.filter((term) => term.matches.size === 0)).map((term) => term.word)
  const best = ranked[0]
  if (!best || !decision || !article) {
    const names = profile.terms.filter((term) => term.nameLike && term.matches.size === 0)
    return abstain(question, names.length > 0 ? 'unknown-names' : 'not-covered', names.length > 0 ? names.map((term) => term.word) : missingWords, index)
  }
  const model = answerabilityModel()
  const unknownNames = article.unmatched.filter((term) => term.capitalised)
  if (unknownNames.length > 0) return abstain(question, 'unknown-names', unknownNames.map((term) => term.word), index)
  if (retrieval.outletUnmet && question.toldTo) return abstain(question, 'not-told', [question.toldTo.teller, question.toldTo.outlet], index)
  if (!withinFixedLimits(retrieval, settings) || model.probability(decision) < (settings.answerThreshold ?? model.threshold)) {
    const names = article.unmatched.filter((term) => term.nameLike)
    return abstain(question, names.length > 0 ? 'unknown-names' : 'not-covered', names.length > 0 ? names.map((term) => term.word) : missingWords, index)
  }

  // A supporting passage must add something: a word of the question the best one lacks, or near-equal relevance.
  const bestTerms = new Set(best.matchedTerms)
  const supporting = ranked
    .slice(1)
    .filter((candidate) => candidate.rankScore >= best.rankScore - settings.supportMargin)
    .filter((candidate) => candidate.rankScore >= best.rankScore - settings.supportMargin / 4 || candidate.matchedTerms.some((term) => !bestTerms.has(term)))
    .slice(0, settings.maxPassages - 1)
  const toRanked = (candidate: ScoredCandidate): RankedPassage => ({
    passage: candidate.passage,
    score: 1 / (1 + Math.exp(-candidate.rankScore)),
    matchedTerms: candidate.matchedTerms,
  })
  return {
    answered: true,
    question: question.text,
    type: question.type,
    answer: retrieval.answerSentence ?? answerSentenceOf(index, best, question, weights),
    passages: [best, ...supporting].map(toRanked),
  }
}
