import { createRequire } from 'node:module'
import type nlpType from 'compromise/two'

/**
 * People, organisations, places and role nouns, from compromise's tagger and
 * lexicon (a maintained English NLP library), not from capitalisation alone.
 *
 * compromise is called on short phrases only (a name run, a speaker phrase),
 * memoised, so building passages for many articles stays cheap; whole
 * paragraphs would cost about 20 ms an article.
 */

/** `other`: not a name at all ("However", "Tuesday", "Nine"). */
export type EntityKind = 'person' | 'organisation' | 'place' | 'other' | 'unknown'

interface CompromiseWorld {
  model: { one: { lexicon: Record<string, string | string[]> }; two: { orgWords: Record<string, unknown> } }
}

type Nlp = typeof nlpType

/**
 * compromise, loaded on first use: its lexicon takes about 200 ms and 40 MB to
 * load, which processes that never read an article (a usage error) should not pay.
 */
let loaded: { nlp: Nlp; lexicon: CompromiseWorld['model']['one']['lexicon']; orgWords: Record<string, unknown> } | null = null
function compromise(): NonNullable<typeof loaded> {
  if (!loaded) {
    const nlp = createRequire(import.meta.url)('compromise/two') as Nlp
    const world = nlp.world() as CompromiseWorld
    loaded = { nlp, lexicon: world.model.one.lexicon, orgWords: world.model.two.orgWords }
  }
  return loaded
}

function lexiconTags(word: string): string[] {
  const tags = compromise().lexicon[word.toLowerCase()]
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags]
}

/**
 * Nouns for what a person is, beyond compromise's #Actor lexicon: titles and
 * the roles news copy gives sources. General English, no article's names.
 */
const ROLE_NOUNS = new Set(
  `minister president vice-president premier chancellor secretary spokesman spokeswoman spokesperson ambassador envoy chief general
commander governor mayor senator director adviser advisor chairman chairwoman chair chairperson leader head officer representative negotiator
king queen prince princess emir sheikh judge justice colonel major captain lieutenant admiral marshal counsel executive founder owner
source official coach manager analyst economist lawyer attorney prosecutor researcher scientist professor lecturer expert witness resident
diplomat coordinator organiser organizer campaigner activist worker employee member lawmaker legislator mp deputy delegate commissioner
regulator inspector investigator auditor consultant strategist historian doctor nurse surgeon pilot engineer teacher student farmer trader
shopkeeper driver survivor victim relative neighbour neighbor fan player striker goalkeeper midfielder defender manager referee ceo cfo coo
cto chief-executive president-elect minister-designate secretary-general editor reporter correspondent columnist writer author
shareholder investor protester supporter critic opponent voter winner boss spokespeople`.split(/\s+/),
)

const PLURAL_ROLE = /^(.*?)(?:ies|s)$/

/** "spokeswoman", "analysts", "coach": a word naming what someone is. */
export function isRoleNoun(word: string): boolean {
  const lower = word.toLowerCase().replace(/[’']s$/, '')
  if (lower.length < 2) return false
  if (ROLE_NOUNS.has(lower) || lexiconTags(lower).includes('Actor')) return true
  const singular = PLURAL_ROLE.exec(lower)
  if (singular) {
    const stem = singular[1] as string
    if (ROLE_NOUNS.has(stem) || ROLE_NOUNS.has(`${stem}y`) || lexiconTags(stem).includes('Actor')) return true
  }
  // Agent nouns English forms from sciences and trades ("economist", "negotiator", "Mediator"); a
  // capitalised word in -ist is more likely a name ("Lindqvist").
  if (/^[a-z]{4,}(?:ologists?|ators?)$/.test(lower)) return true
  return /^\p{Ll}/u.test(word) && /^[a-z]{4,}ists?$/.test(lower)
}

/** "Pakistan", "Kabul", "Pakistani", "Afghan": a place or a people's adjective. */
export function isPlaceWord(word: string): boolean {
  const tags = lexiconTags(word.replace(/[’']s$/, ''))
  return tags.some((tag) => tag === 'Country' || tag === 'City' || tag === 'Region' || tag === 'Place' || tag === 'Demonym' || tag === 'Continent')
}

/** A word that heads an organisation's name ("Commission", "Federation", "Ministry"). */
export function isOrgWord(word: string): boolean {
  return Object.hasOwn(compromise().orgWords, word.toLowerCase()) || /^(?:ministry|union|alliance|party|court|tribunal|parliament|government|police|army|office)$/i.test(word)
}

/** The first name's gender when compromise's lexicon knows it. */
export function nameGender(firstName: string): 'female' | 'male' | null {
  const tags = lexiconTags(firstName)
  if (tags.includes('FemaleName')) return 'female'
  if (tags.includes('MaleName')) return 'male'
  return null
}

/**
 * The same question from compromise's lexicon alone, without running its
 * tagger: for scanning every name in an article cheaply.
 */
export function lexiconKind(name: string): EntityKind {
  const words = name.split(/\s+/).filter(Boolean)
  const last = words.at(-1) ?? ''
  if (words.length > 1 && isOrgWord(last)) return 'organisation'
  if (words.every(isPlaceWord)) return 'place'
  const tags = words.flatMap(lexiconTags)
  if (words.length === 1 && tags.some((tag) => /^(?:Date|Month|WeekDay|Holiday|Value|Cardinal|Ordinal|Conjunction|Preposition|Determiner|Pronoun|Adverb|QuestionWord|Expression)$/.test(tag))) return 'other'
  if (tags.some((tag) => tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName')) return 'person'
  return 'unknown'
}

/** The name starts with a first name compromise's lexicon knows ("Lena", "Miguel"). */
export function startsWithFirstName(name: string): boolean {
  return lexiconTags(name.split(/\s+/)[0] ?? '').some((tag) => tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName')
}

const KIND_CACHE = new Map<string, EntityKind>()
const KIND_CACHE_LIMIT = 50_000

/**
 * What a capitalised name is, by compromise's tagger (#Person,
 * #Organization, #Place), with the head word's lexicon as a second opinion.
 */
export function entityKind(name: string): EntityKind {
  const cached = KIND_CACHE.get(name)
  if (cached) return cached
  const kind = computeKind(name)
  if (KIND_CACHE.size >= KIND_CACHE_LIMIT) KIND_CACHE.clear()
  KIND_CACHE.set(name, kind)
  return kind
}

function computeKind(name: string): EntityKind {
  const words = name.split(/\s+/).filter(Boolean)
  const last = words.at(-1) ?? ''
  if (words.length > 1 && isOrgWord(last)) return 'organisation'
  if (words.every(isPlaceWord)) return 'place'
  const doc = compromise().nlp(name)
  if (doc.has('#Organization')) return 'organisation'
  if (words.length === 1 && (doc.has('(#Conjunction|#Preposition|#Determiner|#Pronoun|#Date|#Value|#QuestionWord)') || (words.length === 1 && compromise().lexicon[name.toLowerCase()] !== undefined && doc.has('#Adverb'))) && !doc.has('#Place')) return 'other'
  if (doc.has('#Person')) return 'person'
  if (doc.has('#Place') && words.length === 1) return 'place'
  return 'unknown'
}
