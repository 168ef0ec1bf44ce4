import { isPlaceWord, isRoleNoun } from '../passages/entities.ts'
import type { Attribution, Passage, Quotation } from '../passages/types.ts'
import type { RelatedForms } from '../search/relatedForms.ts'
import { foldText, termOf, termsOf } from '../search/terms.ts'
import { cleanQuestion } from './question.ts'
import type { QuoteMatch, QuoteResult, QuoteSuggestion, SpeakerEntry } from './types.ts'

/** A quotation with what look-ups compare, computed once. */
interface IndexedQuotation {
  quotation: Quotation
  passage: Passage
  /** The quotation's words, folded and joined by single spaces, padded with spaces. */
  words: string
  terms: Set<string>
  /** The outlet's words ("arden courier"), empty when none. */
  via: string[]
}

interface SpeakerGroup {
  entry: SpeakerEntry
  nameWords: string[]
  roleWords: string[]
  affiliationWords: string[]
  /** The affiliation's index terms with their related forms ("pakistan" and "pakistani"): a people's adjective names its country. */
  affiliationForms: Set<string>
  outletWords: string[]
  quotations: IndexedQuotation[]
  /** Words written as names in the passages quoting the speaker and their sections' headings ("Taliban" under "Taliban's counter-response"); read only for a speaker whose affiliation is not stated. */
  contextNames: Set<string>
}

/** Every quotation of the corpus, grouped by speaker (once per article), ready for look-ups. */
export interface QuoteIndex {
  quotations: IndexedQuotation[]
  speakers: SpeakerGroup[]
  /** Name words of people the corpus names without quoting them ("Julian Marsh"): a look-up for them finds nothing, not someone similar. */
  unquotedNames: Set<string>
  /** Role and affiliation words of each person named but never quoted ("finance minister"). */
  unquotedRoles: string[][]
}

/** A word written as a name: capitalised, inside a text (the first word of a sentence may be too). */
const NAME_WORD = /\p{Lu}[\p{L}'’-]+/gu

function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)
    .map((word) => word.replace(/'s$/, '').replace(/'$/, ''))
    .filter(Boolean)
}

/** `relatedForms` (WordNet's, through the engine) lets "pakistani defence minister" find Pakistan's. */
export function buildQuoteIndex(passages: Passage[], relatedForms?: RelatedForms | null): QuoteIndex {
  const quotations: IndexedQuotation[] = passages.flatMap((passage) =>
    passage.quotations.map((quotation) => ({
      quotation,
      passage,
      words: ` ${words(quotation.text).join(' ')} `,
      terms: new Set(termsOf(quotation.text)),
      via: quotation.attribution?.via ? words(quotation.attribution.via) : [],
    })),
  )
  const groups = new Map<string, SpeakerGroup>()
  for (const indexed of quotations) {
    const attribution = indexed.quotation.attribution
    if (!attribution) continue
    const { name, role, affiliation, title, isPerson, kind } = attribution.speaker
    const key = `${indexed.passage.articleSlug}\u0000${name}`
    let group = groups.get(key)
    if (!group) {
      group = {
        entry: { name, role, affiliation, title, isPerson, kind, articleSlug: indexed.passage.articleSlug, outlets: [], quoteCount: 0 },
        nameWords: kind === 'source' ? [] : words(name),
        roleWords: words(role ?? ''),
        affiliationWords: words(affiliation ?? ''),
        affiliationForms: new Set(termsOf(affiliation ?? '').flatMap((term) => [term, ...(relatedForms?.of(term) ?? [])])),
        outletWords: [],
        quotations: [],
        contextNames: new Set(),
      }
      groups.set(key, group)
    }
    group.entry.quoteCount++
    if (attribution.via && !group.entry.outlets.includes(attribution.via)) {
      group.entry.outlets.push(attribution.via)
      group.outletWords.push(...words(attribution.via))
    }
    // Each passage once (a group's quotations come in passage order); read only where the role states no side.
    const newPassage = group.quotations.at(-1)?.passage !== indexed.passage
    group.quotations.push(indexed)
    if (newPassage && group.affiliationWords.length === 0) {
      for (const text of [indexed.passage.text, indexed.passage.section ?? '']) for (const name of text.match(NAME_WORD) ?? []) for (const word of words(name)) group.contextNames.add(word)
    }
  }
  // People first, then the most quoted; ties keep article order.
  const speakers = [...groups.values()].sort((a, b) => Number(b.entry.isPerson) - Number(a.entry.isPerson) || b.entry.quoteCount - a.entry.quoteCount)
  const quotedWords = new Set(speakers.flatMap((group) => group.nameWords))
  const unquotedNames = new Set(passages.flatMap((passage) => passage.people.flatMap((person) => words(person.name))).filter((word) => !quotedWords.has(word)))
  const quotedNames = new Set(speakers.map((group) => group.entry.name))
  const unquotedRoles = passages.flatMap((passage) => passage.people.filter((person) => !quotedNames.has(person.name) && person.role).map((person) => [...words(person.role ?? ''), ...words(person.affiliation ?? '')]))
  return { quotations, speakers, unquotedNames, unquotedRoles }
}

export function listSpeakers(index: QuoteIndex): SpeakerEntry[] {
  return index.speakers.map((group) => ({ ...group.entry, outlets: [...group.entry.outlets] }))
}

/**
 * Words that frame a look-up rather than name what is looked up: "what did
 * Asif say", "quotes reported by AFP", "anything from the info minister".
 */
const FRAMING = new Set(
  `what wat wot wut whats did does do has have had say said says saying sayin tell told tells quote quotes quoted quotation quotations
reported reporting report by from of the a an all any anything everything me show give get find list look up according to via
through in article story piece please pls plz mr mrs ms dr sir who whos did didnt has hasnt and or on about with is are was were
statement statements comment comments words remarks claim claims`.split(/\s+/),
)

/** Words after "about" narrow a speaker's quotations ("what did Asif say about the caves"). */
function splitTopic(queryWords: string[]): { who: string[]; topic: string[] } {
  const at = queryWords.indexOf('about')
  if (at < 0) return { who: queryWords, topic: [] }
  return { who: queryWords.slice(0, at), topic: queryWords.slice(at + 1) }
}

/** Edits needed to turn a into b, or Infinity past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return Infinity
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost)
      // A swap of two neighbouring letters is one typo.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (previous[j - 2] ?? Infinity) + 1)
      current.push(value)
      best = Math.min(best, value)
    }
    if (best > limit) return Infinity
    previous = current
  }
  return (previous[b.length] as number) <= limit ? (previous[b.length] as number) : Infinity
}

/** How a query word meets a known word: exactly, as an abbreviation ("info" → "information"), or one typo away. */
function wordMatches(query: string, known: string, { fuzzy, prefix = true }: { fuzzy: boolean; prefix?: boolean }): boolean {
  if (query === known) return true
  if (prefix && query.length >= 4 && known.length > query.length && known.startsWith(query)) return true
  if (!fuzzy || query.length < 4 || known.length < 4) return false
  // Long names take two slips ("Hofman" for "Hoffmann"), short ones one.
  return editDistance(query, known, Math.max(query.length, known.length) >= 8 ? 2 : 1) !== Infinity
}

/**
 * A role written by its initials: "pm" for "prime minister", "ceo" for "chief
 * executive" (officer), "gm" for "general manager". The role must have two words or more.
 */
export function isInitialism(word: string, roleWords: string[]): boolean {
  if (roleWords.length < 2 || word.length < 2 || word.length > 5 || !/^[a-z]+$/.test(word)) return false
  const initials = roleWords.map((known) => known[0]).join('')
  return word === initials || (roleWords[0] === 'chief' && word === `${initials}o`)
}

const anyMatch = (query: string, known: string[], fuzzy: boolean, prefix = true) => known.some((word) => wordMatches(query, word, { fuzzy, prefix }))

interface SpeakerScore {
  group: SpeakerGroup
  /** Query words the speaker's name, role and affiliation do not account for. */
  unmatched: number
  byName: boolean
  byRole: boolean
  /** The role's head noun matched but other words did not ("opposition leader" for "leader, Social Union"). */
  loose?: boolean
}

function scoreSpeaker(group: SpeakerGroup, queryWords: string[], fuzzy: boolean): SpeakerScore | null {
  let unmatched = 0
  const leftOver: string[] = []
  let byName = false
  let byRole = false
  let byAffiliation = false
  for (const word of queryWords) {
    // A role noun is a role asked about, not a misspelt name ("minister" is not "Ministry").
    // Names are typed whole: a prefix is an abbreviation of a role ("info"), not of a name ("inspector" is not "Inspectorate").
    if (anyMatch(word, group.nameWords, fuzzy && !isRoleNoun(word), false)) byName = true
    else if (anyMatch(word, group.roleWords, fuzzy && word.length >= 6) || isInitialism(word, group.roleWords)) byRole = true
    else if (anyMatch(word, group.affiliationWords, false) || group.affiliationForms.has(termOf(word) ?? '')) byAffiliation = true
    else {
      unmatched++
      leftOver.push(word)
    }
  }
  // A role needs its head noun ("minister", "spokesperson"), not a modifier alone ("security").
  const roleHead = byRole && queryWords.some((word) => isInitialism(word, group.roleWords) || group.roleWords.some((known) => wordMatches(word, known, { fuzzy: fuzzy && word.length >= 6 }) && isRoleNoun(known)))
  if (byName) return { group, unmatched, byName, byRole: roleHead }
  // Words beyond the role may only be an affiliation the article does not state ("afghan defence minister"):
  // a place, or a name the speaker's passages and sections give ("taliban defence minister" under "Taliban's counter-response").
  if (roleHead && (unmatched === 0 || (group.affiliationWords.length === 0 && leftOver.every((word) => isPlaceWord(word) || group.contextNames.has(word))))) return { group, unmatched, byName, byRole: true }
  if (roleHead) return { group, unmatched, byName, byRole: true, loose: true }
  if (byAffiliation && unmatched === 0) return { group, unmatched, byName, byRole: false }
  return null
}

/**
 * The speakers a query names. All of the query's words should be accounted
 * for; failing that, the fewest left over, and a speaker whose stated
 * affiliation is not in the query gives way to one with none stated.
 */
function speakersNamed(index: QuoteIndex, queryWords: string[], fuzzy: boolean): SpeakerGroup[] {
  const all = index.speakers.flatMap((group) => scoreSpeaker(group, queryWords, fuzzy) ?? [])
  let scores = all.filter((score) => !score.loose)
  if (scores.length === 0) {
    // Only the role's head noun matched: enough when one speaker alone holds such a role, and the
    // query does not describe someone the corpus names but never quotes ("the finance minister").
    const loose = all.filter((score) => score.loose)
    if (loose.length !== 1 || index.unquotedRoles.some((role) => queryWords.every((word) => role.includes(word)))) return []
    scores = loose
  }
  const named = scores.filter((score) => score.byName)
  const pool = named.length > 0 ? named : scores
  const fewest = Math.min(...pool.map((score) => score.unmatched))
  let best = pool.filter((score) => score.unmatched === fewest)
  // Words left over that describe, all together, someone the corpus names but never quotes: it is them.
  if (fewest > 0 && index.unquotedRoles.some((role) => queryWords.every((word) => role.includes(word)))) return []
  if (fewest > 0) {
    const unaffiliated = best.filter((score) => score.group.affiliationWords.length === 0)
    if (unaffiliated.length > 0) best = unaffiliated
  }
  // A body's name also finds the people who speak for it ("Harbour City": the club's statement and its coach).
  const groups = best.map((score) => score.group)
  if (groups.every((group) => group.entry.kind === 'organisation')) {
    for (const score of all) {
      const affiliated = score.group.affiliationWords.length > 0 && queryWords.every((word) => score.group.affiliationWords.includes(word))
      if (affiliated && !groups.includes(score.group)) groups.push(score.group)
    }
  }
  return groups
}

function toMatch({ quotation, passage }: IndexedQuotation): QuoteMatch {
  return { text: quotation.text, attribution: quotation.attribution as Attribution | null, passage }
}

/** Quotations in corpus order. */
function inOrder(index: QuoteIndex, chosen: Set<IndexedQuotation>): IndexedQuotation[] {
  return index.quotations.filter((entry) => chosen.has(entry))
}

/**
 * Quotations by speaker (name, surname, role, affiliation, a misspelling of a
 * name), by the outlet that carried them, or by phrase: the exact words first,
 * then quotations holding all the query's terms. Natural phrasings ("what did
 * asif say", "quotes reported by AFP") find what the bare words find.
 * Results keep corpus order within each kind.
 */
export function lookUpQuotes(index: QuoteIndex, rawQuery: string): QuoteResult {
  const query = cleanQuestion(rawQuery).slice(0, 300)
  const speakers = listSpeakers(index)
  const none: QuoteResult = { query, matchedBy: 'none', quotes: [], speakers }
  const allWords = words(query)
  const { who, topic } = splitTopic(allWords)
  const queryWords = who.filter((word) => !FRAMING.has(word))
  const topicTerms = termsOf(topic.join(' '))
  if (queryWords.length === 0 && topicTerms.length === 0) return none

  const bySpeaker = (fuzzy: boolean) => {
    const groups = queryWords.length > 0 ? speakersNamed(index, queryWords, fuzzy) : []
    if (groups.length === 0) return null
    let found = inOrder(index, new Set(groups.flatMap((group) => group.quotations)))
    // "what did Asif say about the caves": the speaker's quotations on that topic, when there are any.
    if (topicTerms.length > 0) {
      const onTopic = found.filter((entry) => topicTerms.some((term) => entry.terms.has(term)))
      if (onTopic.length > 0) found = onTopic
    }
    return { query, matchedBy: 'speaker' as const, quotes: found.map(toMatch), speakers }
  }

  const exactSpeaker = bySpeaker(false)
  if (exactSpeaker) return exactSpeaker

  // "quotes from AFP", "reported by the Arden Courier": every query word is a word of the outlet's name.
  if (queryWords.length > 0) {
    const byOutlet = index.quotations.filter((entry) => entry.via.length > 0 && queryWords.length === entry.via.length && queryWords.every((word, position) => entry.via[position] === word))
    if (byOutlet.length > 0) return { query, matchedBy: 'speaker', quotes: byOutlet.map(toMatch), speakers }
  }

  const phraseWords = allWords.filter((word) => !['what', 'did', 'say', 'says', 'said', 'quotes', 'quote'].includes(word))
  const phrase = ` ${(phraseWords.length > 0 ? phraseWords : allWords).join(' ')} `
  const queryTerms = termsOf(query)
  const exact: IndexedQuotation[] = []
  const byTerms: IndexedQuotation[] = []
  for (const entry of index.quotations) {
    if (phrase.trim() !== '' && entry.words.includes(phrase)) exact.push(entry)
    else if (queryTerms.length > 0 && queryTerms.every((term) => entry.terms.has(term))) byTerms.push(entry)
  }
  if (exact.length + byTerms.length > 0) return { query, matchedBy: 'phrase', quotes: [...exact, ...byTerms].map(toMatch), speakers }

  // A misspelt name ("Hofman", "Okafur"), unless the query names someone the corpus names but never quotes.
  if (queryWords.some((word) => index.unquotedNames.has(word))) return none
  if (index.unquotedRoles.some((role) => queryWords.every((word) => role.includes(word)))) return none
  return bySpeaker(true) ?? none
}

/**
 * Ranked autocomplete choices for a partial query: speakers first (a whole
 * word of name, role, affiliation or outlet, then a word's prefix, then
 * anywhere), then quotations containing it.
 */
export function suggestQuotes(index: QuoteIndex, partial: string, limit = 25): QuoteSuggestion[] {
  const typed = foldText(partial).replace(/\s+/g, ' ').trim()
  const typedWords = words(typed).filter((word) => !FRAMING.has(word))
  const ranked: Array<{ suggestion: QuoteSuggestion; rank: number }> = []
  index.speakers.forEach((group, order) => {
    const { name, title, role } = group.entry
    const label = group.entry.kind === 'source' ? name : title || role ? `${name}, ${title ?? role}` : name
    const haystack = [...group.nameWords, ...group.roleWords, ...group.affiliationWords, ...group.outletWords]
    let rank: number
    if (typed === '' || typedWords.length === 0) rank = typed === '' ? 1 : 2
    else if (typedWords.every((word) => haystack.includes(word))) rank = 0
    else if (typedWords.every((word) => haystack.some((known) => known.startsWith(word))) || foldText(name).startsWith(typed)) rank = 1
    else if (foldText(label).includes(typed)) rank = 2
    else return
    if (typed !== '' && typedWords.length === 0 && !foldText(label).includes(typed)) return
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
  const seen = new Set<string>()
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .filter(({ suggestion }) => (seen.has(suggestion.query) ? false : (seen.add(suggestion.query), true)))
    .slice(0, limit)
    .map(({ suggestion }) => suggestion)
}

export interface RoleHolder {
  passage: Passage
  person: Passage['people'][number]
  /** Query words the person's role and affiliation account for. */
  matched: number
}

/**
 * For "who is the ceo of the port authority": the passages that name a person
 * together with the role asked about (its head noun or its initials), best
 * first by how many of the question's other words the role and affiliation
 * account for. Only passages whose text writes the role are returned: the
 * sentence that says who holds it. Exposed for ask.
 */
export function passagesNamingRole(passages: Passage[], question: string): RoleHolder[] {
  const queryWords = words(cleanQuestion(question)).filter((word) => !FRAMING.has(word) && !/^(?:whos|whose|which|current|currently|now|rn|name)$/.test(word))
  const found: RoleHolder[] = []
  for (const passage of passages) {
    const text = foldText(passage.text)
    for (const person of passage.people) {
      if (!person.role) continue
      const roleWords = words(person.role)
      const headMatched = queryWords.some((word) => isInitialism(word, roleWords) || roleWords.some((known) => wordMatches(word, known, { fuzzy: false }) && isRoleNoun(known)))
      if (!headMatched || !text.includes(foldText(person.role))) continue
      const described = [...roleWords, ...words(person.affiliation ?? ''), ...words(person.title ?? '')]
      const matched = queryWords.filter((word) => isInitialism(word, roleWords) || described.some((known) => wordMatches(word, known, { fuzzy: false }))).length
      found.push({ passage, person, matched })
    }
  }
  return found.sort((a, b) => b.matched - a.matched)
}
