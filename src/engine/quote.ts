import type { Attribution, Passage, Quotation } from '../passages/types.ts'
import { TITLE_WORDS } from '../passages/names.ts'
import { foldText, termsOf } from '../search/terms.ts'
import { cleanQuestion } from './question.ts'
import type { QuoteMatch, QuoteResult, QuoteSuggestion, SpeakerEntry } from './types.ts'

/** A quotation with what look-ups compare, computed once. */
interface IndexedQuotation {
  quotation: Quotation
  passage: Passage
  /** The quotation's words, folded and joined by single spaces, padded with spaces. */
  words: string
  terms: Set<string>
  via: string
}

interface SpeakerGroup {
  entry: SpeakerEntry
  nameWords: string[]
  roleWords: string
  quotations: IndexedQuotation[]
}

/** Every quotation of the corpus, grouped by speaker, ready for look-ups. */
export interface QuoteIndex {
  quotations: IndexedQuotation[]
  speakers: SpeakerGroup[]
}

function words(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}']+/u).filter(Boolean).map((word) => word.replace(/'s$/, ''))
}

export function buildQuoteIndex(passages: Passage[]): QuoteIndex {
  const quotations: IndexedQuotation[] = passages.flatMap((passage) =>
    passage.quotations.map((quotation) => ({
      quotation,
      passage,
      words: ` ${words(quotation.text).join(' ')} `,
      terms: new Set(termsOf(quotation.text)),
      via: quotation.attribution?.via ? words(quotation.attribution.via).join(' ') : '',
    })),
  )
  const groups = new Map<string, SpeakerGroup>()
  for (const indexed of quotations) {
    const attribution = indexed.quotation.attribution
    if (!attribution) continue
    const { name, role, isPerson } = attribution.speaker
    let group = groups.get(name)
    if (!group) {
      group = {
        entry: { name, role, isPerson, outlets: [], quoteCount: 0 },
        nameWords: words(name),
        roleWords: role ? ` ${words(role).join(' ')} ` : '',
        quotations: [],
      }
      groups.set(name, group)
    }
    group.entry.quoteCount++
    if (attribution.via && !group.entry.outlets.includes(attribution.via)) group.entry.outlets.push(attribution.via)
    group.quotations.push(indexed)
  }
  // People first, then the most quoted.
  const speakers = [...groups.values()].sort((a, b) => Number(b.entry.isPerson) - Number(a.entry.isPerson) || b.entry.quoteCount - a.entry.quoteCount)
  return { quotations, speakers }
}

export function listSpeakers(index: QuoteIndex): SpeakerEntry[] {
  return index.speakers.map((group) => ({ ...group.entry, outlets: [...group.entry.outlets] }))
}

/** The query names the speaker: their full name, part of it, or their role ("information minister"). */
function speakerMatches(group: SpeakerGroup, queryWords: string[]): boolean {
  if (queryWords.every((word) => group.nameWords.includes(word))) return true
  const query = ` ${queryWords.join(' ')} `
  // A role needs two words ("information minister"), or one that is a title ("minister").
  const roleQuery = queryWords.length >= 2 || TITLE_WORDS.has(queryWords[0] ?? '')
  if (group.roleWords !== '' && roleQuery && group.roleWords.includes(query)) return true
  // "Khawaja Asif, defence minister": the whole name inside a longer query.
  return group.nameWords.length >= 2 && query.includes(` ${group.nameWords.join(' ')} `)
}

/** Every word of the speaker's role (affiliation included) is in the query, and the role has a title in it. */
function roleWithin(group: SpeakerGroup, queryWords: string[]): boolean {
  const roleWords = group.roleWords.trim().split(' ').filter(Boolean)
  return roleWords.some((word) => TITLE_WORDS.has(word)) && roleWords.every((word) => queryWords.includes(word))
}

function toMatch({ quotation, passage }: IndexedQuotation): QuoteMatch {
  return { text: quotation.text, attribution: quotation.attribution as Attribution | null, passage }
}

const QUERY_FILLER = new Set(['the', 'a', 'an', 'by', 'from', 'of', 'quotes', 'quote', 'quotation', 'quotations', 'said', 'says', 'mr', 'mrs', 'ms', 'dr', 'sir'])

/**
 * Quotations by speaker (name, surname or role) or, failing that, by phrase:
 * the exact words first, then quotations holding all the query's terms, then
 * those carried by an outlet of that name. Results keep corpus order within each kind.
 */
export function lookUpQuotes(index: QuoteIndex, rawQuery: string): QuoteResult {
  const query = cleanQuestion(rawQuery).slice(0, 300)
  const speakers = listSpeakers(index)
  const queryWords = words(query).filter((word) => !QUERY_FILLER.has(word))
  if (queryWords.length === 0) return { query, matchedBy: 'none', quotes: [], speakers }

  let bySpeaker = index.speakers.filter((group) => speakerMatches(group, queryWords))
  // "Afghan defence minister": a role whose every word is in the query (so not "Pakistan’s Defence Minister").
  if (bySpeaker.length === 0) bySpeaker = index.speakers.filter((group) => roleWithin(group, queryWords))
  if (bySpeaker.length > 0) {
    const matched = new Set(bySpeaker.flatMap((group) => group.quotations))
    return { query, matchedBy: 'speaker', quotes: index.quotations.filter((entry) => matched.has(entry)).map(toMatch), speakers }
  }

  const phrase = ` ${queryWords.join(' ')} `
  const queryTerms = termsOf(query)
  const exact: IndexedQuotation[] = []
  const byTerms: IndexedQuotation[] = []
  const byOutlet: IndexedQuotation[] = []
  for (const entry of index.quotations) {
    if (entry.words.includes(phrase)) exact.push(entry)
    else if (queryTerms.length > 0 && queryTerms.every((term) => entry.terms.has(term))) byTerms.push(entry)
    else if (entry.via !== '' && ` ${entry.via} ` === phrase) byOutlet.push(entry)
  }
  const found = [...exact, ...byTerms, ...byOutlet]
  if (found.length === 0) return { query, matchedBy: 'none', quotes: [], speakers }
  return { query, matchedBy: 'phrase', quotes: found.map(toMatch), speakers }
}

/**
 * Ranked autocomplete choices for a partial query: speakers first (a whole
 * word of name or role, then a word's prefix, then anywhere), then quotations containing it.
 */
export function suggestQuotes(index: QuoteIndex, partial: string, limit = 25): QuoteSuggestion[] {
  const typed = foldText(partial).replace(/\s+/g, ' ').trim()
  const ranked: Array<{ suggestion: QuoteSuggestion; rank: number }> = []
  index.speakers.forEach((group, order) => {
    const { name, role } = group.entry
    const label = role ? `${name}, ${role}` : name
    const haystack = [...group.nameWords, ...group.roleWords.trim().split(' ')]
    let rank: number
    if (typed === '') rank = 1
    else if (haystack.includes(typed)) rank = 0
    else if (haystack.some((word) => word.startsWith(typed)) || foldText(name).startsWith(typed)) rank = 1
    else if (foldText(label).includes(typed)) rank = 2
    else return
    ranked.push({ suggestion: { label, query: name }, rank: rank * 1_000_000 + order })
  })
  if (typed.length >= 2) {
    const padded = ` ${typed}`
    for (const [order, entry] of index.quotations.entries()) {
      if (ranked.length >= limit + index.speakers.length) break
      if (!entry.words.includes(padded)) continue
      ranked.push({ suggestion: { label: `“${entry.quotation.text}”`, query: entry.quotation.text }, rank: 3_000_000 + order })
    }
  }
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ suggestion }) => suggestion)
}
