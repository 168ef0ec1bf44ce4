import type { Attribution, Passage, Quotation } from '../passages/types.ts'
import { foldText, termsOf } from '../search/terms.ts'
import type { QuoteMatch, QuoteResult, QuoteSuggestion, SpeakerEntry } from './types.ts'

/** Every quotation of the corpus with its passage, in corpus order. */
export interface QuotationEntry {
  quotation: Quotation
  passage: Passage
}

export function collectQuotations(passages: Passage[]): QuotationEntry[] {
  return passages.flatMap((passage) => passage.quotations.map((quotation) => ({ quotation, passage })))
}

function words(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}']+/u).filter(Boolean).map((word) => word.replace(/'s$/, ''))
}

/** Everyone quoted, people first, then by how often they are quoted. */
export function listSpeakers(entries: QuotationEntry[]): SpeakerEntry[] {
  const byName = new Map<string, SpeakerEntry>()
  for (const { quotation } of entries) {
    const attribution = quotation.attribution
    if (!attribution) continue
    const { name, role, isPerson } = attribution.speaker
    const entry = byName.get(name) ?? { name, role, isPerson, outlets: [], quoteCount: 0 }
    entry.quoteCount++
    if (attribution.via && !entry.outlets.includes(attribution.via)) entry.outlets.push(attribution.via)
    byName.set(name, entry)
  }
  return [...byName.values()].sort((a, b) => Number(b.isPerson) - Number(a.isPerson) || b.quoteCount - a.quoteCount)
}

/** The query names the speaker: their full name, a part of it, or their role ("information minister"). */
function speakerMatches(attribution: Attribution, queryWords: string[]): boolean {
  if (queryWords.length === 0) return false
  const nameWords = words(attribution.speaker.name)
  const query = queryWords.join(' ')
  if (queryWords.every((word) => nameWords.includes(word))) return true
  const role = attribution.speaker.role ? words(attribution.speaker.role).join(' ') : ''
  if (role !== '' && queryWords.length >= 2 && ` ${role} `.includes(` ${query} `)) return true
  // "Khawaja Asif, defence minister": the name inside a longer query.
  return nameWords.length >= 2 && ` ${query} `.includes(` ${nameWords.join(' ')} `)
}

function toMatch({ quotation, passage }: QuotationEntry): QuoteMatch {
  return { text: quotation.text, attribution: quotation.attribution, passage }
}

/**
 * Quotations by speaker (name, surname or role) or, failing that, by phrase
 * (exact words first, then all the query's terms, then outlet).
 */
export function lookUpQuotes(entries: QuotationEntry[], rawQuery: string): QuoteResult {
  const query = rawQuery.replace(/\s+/g, ' ').trim().slice(0, 300)
  const speakers = listSpeakers(entries)
  const queryWords = words(query).filter((word) => !['the', 'a', 'an', 'by', 'from', 'of', 'quotes', 'quote', 'said', 'says'].includes(word))
  const none: QuoteResult = { query, matchedBy: 'none', quotes: [], speakers }
  if (queryWords.length === 0) return none

  const bySpeaker = entries.filter((entry) => entry.quotation.attribution && speakerMatches(entry.quotation.attribution, queryWords))
  if (bySpeaker.length > 0) return { query, matchedBy: 'speaker', quotes: bySpeaker.map(toMatch), speakers }

  const phrase = queryWords.join(' ')
  const exact = entries.filter((entry) => words(entry.quotation.text).join(' ').includes(phrase))
  const queryTerms = termsOf(query)
  const byTerms =
    queryTerms.length === 0
      ? []
      : entries.filter((entry) => !exact.includes(entry) && queryTerms.every((term) => termsOf(entry.quotation.text).includes(term)))
  const byOutlet = entries.filter((entry) => {
    const via = entry.quotation.attribution?.via
    return via !== null && via !== undefined && words(via).join(' ') === phrase
  })
  const found = [...exact, ...byTerms, ...byOutlet.filter((entry) => !exact.includes(entry) && !byTerms.includes(entry))]
  if (found.length === 0) return none
  return { query, matchedBy: 'phrase', quotes: found.map(toMatch), speakers }
}

/**
 * Ranked autocomplete choices for a partial query: speakers first (whole
 * word, then prefix, then anywhere in name or role), then quotations containing it.
 */
export function suggestQuotes(entries: QuotationEntry[], partial: string, limit = 25): QuoteSuggestion[] {
  const typed = foldText(partial).trim()
  const speakers = listSpeakers(entries)
  const ranked: Array<{ suggestion: QuoteSuggestion; rank: number }> = []
  speakers.forEach((speaker, order) => {
    const haystack = words(`${speaker.name} ${speaker.role ?? ''}`)
    const label = speaker.role ? `${speaker.name}, ${speaker.role}` : speaker.name
    let rank: number
    if (typed === '') rank = 1
    else if (haystack.includes(typed)) rank = 0
    else if (haystack.some((word) => word.startsWith(typed)) || foldText(speaker.name).startsWith(typed)) rank = 1
    else if (foldText(label).includes(typed)) rank = 2
    else return
    ranked.push({ suggestion: { label, query: speaker.name }, rank: rank * 100 + order })
  })
  if (typed.length >= 2) {
    entries.forEach(({ quotation }, order) => {
      if (!foldText(quotation.text).includes(typed)) return
      ranked.push({ suggestion: { label: `“${quotation.text}”`, query: quotation.text }, rank: 300 + order })
    })
  }
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ suggestion }) => suggestion)
}
