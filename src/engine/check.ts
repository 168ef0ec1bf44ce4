import type { Passage, Span, Speaker } from '../passages/types.ts'
import { highlightSpans } from './answerSentence.ts'
import type { ArticleScope, Engine } from './engine.ts'
import { analyseQuestion, MAX_QUESTION_CHARS } from './question.ts'
import type { AbstainReason } from './types.ts'

/**
 * "Check against the article": a claim someone posted (a statement, not a
 * question) → the passages that bear most on it, its own words marked in them,
 * and what the article reports about it and who says so. Never a verdict.
 *
 * The decision whether the article addresses the claim is ask's own: the claim
 * goes through the same normaliser and the same answerability model (by
 * calling `engine.ask`), so the two commands can never disagree about it.
 */

/** Longer claims are checked on their first part: the engine reads no more of a question either. */
export const MAX_CLAIM_CHARS = MAX_QUESTION_CHARS

export interface CheckedPassage {
  passage: Passage
  /** Ranking score in (0, 1), as ask gives it. */
  score: number
  /** The claim's own words inside the passage, as offsets in its text, in order. */
  highlights: Span[]
}

/** How the best passage bears on the claim: someone says it, someone denies it, or the article says it in its own voice. */
export interface Stance {
  kind: 'says' | 'denies'
  /** Who says or denies it, as the article names them; null when the article says it in its own voice. */
  speaker: Speaker | null
  /** The outlet the words came through, when the article says so. */
  via: string | null
  /** The sentence of the best passage the stance is read from (offsets in its text). */
  sentence: Span & { text: string }
}

export type CheckResult =
  | {
      kind: 'addressed'
      /** The claim as it will be echoed (the person's words, markup off, capped). */
      claim: string
      /** The claim was longer than MAX_CLAIM_CHARS and only its start was checked. */
      truncated: boolean
      stance: Stance
      /** The best passage first, then up to two more: ask's passages. */
      passages: CheckedPassage[]
    }
  | {
      kind: 'not-addressed'
      claim: string
      truncated: boolean
      reason: Exclude<AbstainReason, 'no-question'>
      /** Words of the claim the article never uses. */
      missing: string[]
      /** What the article does cover. */
      topics: string[]
    }
  | {
      kind: 'nothing-to-check'
      /** Why: no text at all, only links, or only emoji, mentions or punctuation. */
      why: 'empty' | 'only-links' | 'no-words'
    }

const URLS = /<?https?:\/\/[^\s>]+>?/gi

function nothingToCheck(claim: string): 'empty' | 'only-links' | 'no-words' {
  if (claim.trim() === '') return 'empty'
  const withoutLinks = claim.replace(URLS, '')
  if (withoutLinks !== claim && withoutLinks.replace(/[\s\p{P}]/gu, '') === '') return 'only-links'
  return 'no-words'
}

/**
 * General English verbs of denial and rejection: a passage whose sentence uses
 * one (with no denial in the claim itself) reports that someone denies the claim.
 */
const DENIAL_VERB = /^(?:deny|denies|denied|denying|denial|denials|reject|rejects|rejected|rejecting|dismiss|dismisses|dismissed|dismissing|refute|refutes|refuted|refuting|rebut|rebuts|rebutted|repudiate|repudiates|repudiated)$/i
/** General English negators. */
const NEGATOR = /^(?:not|no|never|neither|nor|none|nobody|nothing|cannot|n't|without)$/i
/** Words that may stand between a negator and what it negates ("did not even", "has never been"). */
const BETWEEN = /^(?:be|been|being|is|are|was|were|do|does|did|have|has|had|ever|even|yet|so|any|a|an|the|to|really|actually|actively|directly|officially|formally)$/i
/** The words of a text with their offsets; a negative contraction is split so that its negator counts ("didn't" → "did", "n't"). */
function wordsOf(text: string): Array<{ word: string; start: number; end: number }> {
  const words: Array<{ word: string; start: number; end: number }> = []
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    const word = match[0]
    const start = match.index ?? 0
    const negated = /^(\p{L}+?)n['’]t$/iu.exec(word)
    if (negated) {
      words.push({ word: negated[1] as string, start, end: start + (negated[1] as string).length })
      words.push({ word: "n't", start: start + (negated[1] as string).length, end: start + word.length })
    } else words.push({ word, start, end: start + word.length })
  }
  return words
}

/**
 * Where in the sentence (offset in the passage) it denies: a denial verb, or a
 * negator right before one of the claim's words ("no official statement", "did not allow").
 */
function denialAt(sentence: Span & { text: string }, highlights: readonly Span[]): { at: number; byVerb: boolean } | null {
  const words = wordsOf(sentence.text)
  const verb = words.find(({ word }) => DENIAL_VERB.test(word))
  if (verb) return { at: sentence.start + verb.start, byVerb: true }
  const marked = highlights.filter((span) => span.start >= sentence.start && span.end <= sentence.end).map((span) => span.start - sentence.start)
  for (const [index, { word, start }] of words.entries()) {
    if (!NEGATOR.test(word)) continue
    for (let next = index + 1; next < words.length && next <= index + 4; next++) {
      const following = words[next] as { word: string; start: number }
      if (marked.includes(following.start)) return { at: sentence.start + start, byVerb: false }
      if (!BETWEEN.test(following.word)) break
    }
  }
  return null
}

function claimIsNegative(text: string): boolean {
  return wordsOf(text).some(({ word }) => NEGATOR.test(word) || DENIAL_VERB.test(word))
}

/**
 * The speaker a denial verb's subject names ("…, claims that Islamabad strongly
 * denies", "Hallgren Breweries on Monday rejected"): the nearest word before the
 * verb, within its clause, that names someone the passage knows.
 */
function subjectOfDenial(passage: Passage, sentence: Span & { text: string }, at: number): Speaker | null {
  const before = sentence.text.slice(0, at - sentence.start)
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('—')) + 1)
  const known = [...passage.attributions.map((attribution) => attribution.speaker), ...passage.people]
  const wordsOfName = (speaker: Speaker) => new Set(speaker.name.toLowerCase().split(/\s+/).filter((word) => word.length > 2))
  for (const { word } of wordsOf(clause).reverse()) {
    const folded = word.toLowerCase()
    const found = known.find((speaker) => wordsOfName(speaker).has(folded))
    if (found) return found
  }
  return sourceNamedBy(clause)
}

/** Words that end a subject phrase: prepositions, auxiliaries, adverbs ("Hallgren Breweries on Monday", "the ministry has also"). */
const ENDS_SUBJECT = /^(?:on|in|at|after|before|during|since|by|for|has|have|had|was|were|is|are|also|later|again|then|quickly|\p{L}+ly)$/iu
/** Words that open a clause before its subject ("claims that Islamabad"). */
const OPENS_CLAUSE = /^(?:that|which|who|but|and|however|meanwhile|yet)$/i

/**
 * A subject the speaker model did not list ("Local fishermen rejected …"): the
 * clause's opening words up to a preposition, auxiliary or adverb, as a source
 * named only as the article words it. Null when that is no short phrase.
 */
function sourceNamedBy(clause: string): Speaker | null {
  const words = wordsOf(clause).map(({ word }) => word)
  const opening = words.findLastIndex((word) => OPENS_CLAUSE.test(word))
  const subject: string[] = []
  for (const word of words.slice(opening + 1)) {
    if (ENDS_SUBJECT.test(word)) break
    subject.push(word)
  }
  if (subject.length === 0 || subject.length > 5 || !/\p{L}/u.test(subject.join(''))) return null
  const name = subject.join(' ').replace(/^\p{Ll}/u, (first) => first.toUpperCase())
  return { name, role: null, affiliation: null, title: null, isPerson: false, kind: 'source' }
}

/** ", saying …", ", adding …": after a denial, the denier's own reasons, which the claim may repeat. */
const GIVES_REASONS = /,\s*(?:saying|adding|arguing|insisting|noting|explaining|stating|calling)\b/i

/** Most of the claim's words sit in the denier's reasons, not in what was denied. */
function claimIsTheReason(sentence: Span & { text: string }, at: number, highlights: readonly Span[]): boolean {
  const after = sentence.text.slice(at - sentence.start)
  const reason = GIVES_REASONS.exec(after)
  if (!reason) return false
  const from = at + reason.index
  const inside = highlights.filter((span) => span.start >= sentence.start && span.end <= sentence.end)
  const inReason = inside.filter((span) => span.start >= from).length
  return inReason > inside.length - inReason
}

/** Speech in the passage over the sentence: the quotation or reported claim it lies in (its span, who, through whom). */
function speechesOver(passage: Passage, sentence: Span): Array<Span & { speaker: Speaker; via: string | null }> {
  const overlaps = (span: Span) => span.start < sentence.end && span.end > sentence.start
  return [
    ...passage.quotations.flatMap((quotation) => (quotation.attribution && overlaps(quotation) ? [{ start: quotation.start, end: quotation.end, ...quotation.attribution }] : [])),
    // A reported claim's span is its whole sentence: the speaker's words begin where the sentence names them.
    ...passage.claims.filter(overlaps).map((claim) => ({ start: Math.max(claim.start, namedAt(passage.text, claim.attribution.speaker, claim.start, claim.end)), end: claim.end, ...claim.attribution })),
  ]
}

/** Where the speaker is first named within [start, end) of the text (any word of the name); `end` when not named there. */
function namedAt(text: string, speaker: Speaker, start: number, end: number): number {
  const names = new Set(speaker.name.toLowerCase().split(/\s+/).filter((word) => word.length > 2))
  const found = wordsOf(text.slice(start, end)).find(({ word }) => names.has(word.toLowerCase()))
  return found ? start + found.start : end
}

/**
 * Reads the stance from the best passage's answer sentence. A denial is
 * someone's when the denial verb's subject names them, or when the denying
 * words lie inside their quotation or reported speech; otherwise the article
 * says it in its own voice.
 */
export function stanceOf(passage: Passage, sentence: Span & { text: string }, highlights: readonly Span[], claim: string): Stance {
  const speeches = speechesOver(passage, sentence)
  const speechAt = (offset: number) => speeches.find((speech) => speech.start <= offset && offset < speech.end)
  const found = claimIsNegative(claim) ? null : denialAt(sentence, highlights)
  // A denial verb's subject is the denier; a negator's subject is only what is negated.
  const denier = found?.byVerb ? subjectOfDenial(passage, sentence, found.at) : null
  if (found && !claimIsTheReason(sentence, found.at, highlights)) {
    const within = speechAt(found.at)
    return { kind: 'denies', speaker: denier ?? within?.speaker ?? null, via: !denier && within ? within.via : null, sentence }
  }
  // A claim that repeats the denier's reasons (", saying …") is what the denier says.
  const speech = (found ? speechAt(found.at) : undefined) ?? speeches[0]
  return { kind: 'says', speaker: denier ?? speech?.speaker ?? null, via: denier ? null : (speech?.via ?? null), sentence }
}

/** The index terms of the claim's own words, read as ask reads them (normalised, then the term pipeline). */
function claimTerms(engine: Pick<Engine, 'normalise'>, claim: string): Set<string> {
  const terms = new Set<string>()
  for (const term of analyseQuestion(claim, engine.normalise).terms) {
    terms.add(term.term)
    terms.add(term.term.toUpperCase())
  }
  return terms
}

export function checkClaim(engine: Pick<Engine, 'ask' | 'normalise'>, rawClaim: string, scope?: ArticleScope): CheckResult {
  const truncated = rawClaim.trim().length > MAX_CLAIM_CHARS
  const claim = truncated ? rawClaim.trim().slice(0, MAX_CLAIM_CHARS) : rawClaim
  const result = engine.ask(claim, scope)
  if (!result.answered) {
    if (result.reason === 'no-question') return { kind: 'nothing-to-check', why: nothingToCheck(rawClaim) }
    return { kind: 'not-addressed', claim: result.question, truncated, reason: result.reason, missing: result.missing, topics: result.topics }
  }
  const terms = claimTerms(engine, claim)
  // Only the claim's own words are marked (not the words that stood in for them by meaning).
  const own = (matched: readonly string[]) => new Set(matched.filter((term) => terms.has(term)))
  const passages = result.passages.map(({ passage, score, matchedTerms }) => ({ passage, score, highlights: highlightSpans(passage.text, own(matchedTerms.length > 0 ? matchedTerms : [...terms])) }))
  const best = passages[0] as CheckedPassage
  const sentence = { text: result.answer.text, start: result.answer.start, end: result.answer.end }
  return { kind: 'addressed', claim: result.question, truncated, stance: stanceOf(best.passage, sentence, best.highlights, claim), passages }
}
