import { entityKind, isOrgWord, isPlaceWord, isRoleNoun } from './entities.ts'

/**
 * Reading a speaker noun phrase into name, role and affiliation:
 *   "Pakistan’s Defence Minister Khawaja Asif" → Khawaja Asif; Defence Minister; Pakistan
 *   "Harbour City coach Miguel Santos"        → Miguel Santos; coach; Harbour City
 *   "Priya Raman, chair of the commission"     → Priya Raman; chair; the commission
 *   "a spokesperson for the Federation"        → (no name) spokesperson; the Federation
 *   "the company"                              → a reference to an organisation named earlier
 * Word classes (role nouns, places, people, organisations) come from compromise
 * (see entities.ts); this module only reads their order.
 */

export interface ParsedSpeaker {
  /** A person's or organisation's name; null for a role-only source or a reference. */
  name: string | null
  role: string | null
  /** As written ("Pakistan", "the commission"), or a possessive pronoun ("its") for the caller to resolve. */
  affiliation: string | null
  /** Role with affiliation as the article words it. */
  title: string | null
  /**
   * person: a named person; organisation: a body by name ("the Finance Ministry");
   * source: someone named by role only ("Analysts"); reference: "the company", resolved by the caller;
   * single: one capitalised word that may be a known person's surname or a body ("Corvid").
   */
  kind: 'person' | 'organisation' | 'source' | 'reference' | 'single'
  /** The phrase as written, first letter capitalised: how a source or body is shown. */
  label: string
}

const DETERMINERS = new Set(['the', 'a', 'an'])
const POSSESSIVE_PRONOUNS = new Set(['its', 'his', 'her', 'their', 'our'])
const AFFILIATION_PREPOSITIONS = new Set(['of', 'at', 'for', 'with', 'from'])
/** Titles of address: part of how a name is written, not a role. */
const HONORIFICS = /^(?:mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady)\.?$/i

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word)
const bare = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}’'.]+$/gu, '').replace(/\.$/, '')
const isPossessive = (word: string) => /[’']s$/.test(word) || /s[’']$/.test(word)
const withoutPossessive = (word: string) => word.replace(/[’']s$/, '').replace(/s[’']$/, 's')

interface Segment {
  name: string | null
  role: string | null
  affiliation: string | null
  title: string | null
  kind: ParsedSpeaker['kind']
}

function parseSegment(segment: string): Segment | null {
  let words = segment.split(/\s+/).map(bare).filter(Boolean)
  if (words.length === 0) return null
  const first = (words[0] as string).toLowerCase()
  if (first === 'who' || first === 'which' || first === 'that' || first === 'whose') return null
  const determiner = DETERMINERS.has(first)
  if (determiner) words = words.slice(1)
  if (words.length === 0) return null

  // A possessive before the role ("Pakistan’s", "the country’s", "its").
  let affiliation: string | null = null
  let coreStart = 0
  for (let index = 0; index < words.length - 1; index++) {
    const word = words[index] as string
    // Only before the role: "a spokesperson for the Workers’ Federation" has no possessive affiliation.
    if (isRoleNoun(word)) break
    // "the Farmers' Union": a possessive inside an organisation's name is part of the name.
    const rest = words.slice(index + 1)
    if (isCapitalised(word) && rest.every(isCapitalised) && isOrgWord(rest.at(-1) as string)) break
    if (isPossessive(word) || POSSESSIVE_PRONOUNS.has(word.toLowerCase())) {
      affiliation = [...words.slice(0, index), withoutPossessive(word)].join(' ')
      if (POSSESSIVE_PRONOUNS.has(word.toLowerCase())) affiliation = word.toLowerCase()
      else if (determiner && first === 'the') affiliation = `the ${affiliation}`
      coreStart = index + 1
      break
    }
  }
  let core = words.slice(coreStart)

  // "chair of the commission", "analyst at Sea-Intelligence": the affiliation follows a preposition.
  const prepositionAt = core.findIndex((word, index) => index > 0 && AFFILIATION_PREPOSITIONS.has(word.toLowerCase()) && core.slice(0, index).some(isRoleNoun))
  // With a possessive already ("the federation’s head of security"), "of …" belongs to the role.
  let roleTail = ''
  if (prepositionAt > 0) {
    const after = core.slice(prepositionAt + 1)
    if (after.length > 0 && !affiliation) affiliation = after.join(' ')
    else if (after.length > 0 && after.every((word) => !isCapitalised(word))) roleTail = ` ${core.slice(prepositionAt).join(' ')}`
    core = core.slice(0, prepositionAt)
  }

  // The name: trailing capitalised words that are not role nouns ("… Minister Khawaja Asif").
  const nameRunStart = (words: string[]) => {
    let start = words.length
    while (start > 0 && isCapitalised(words[start - 1] as string) && !isRoleNoun(words[start - 1] as string)) start--
    while (start < words.length && HONORIFICS.test(words[start] as string)) start++
    return start
  }
  let nameStart = nameRunStart(core)
  // "a bakery owner in Westbridge", "Hallgren Breweries on Monday": a name after a preposition is a
  // place, a body or a day, not the speaker; the speaker's name, if any, stands before it.
  if (nameStart > 0 && nameStart < core.length && /^\p{Ll}/u.test(core[nameStart - 1] as string) && !isRoleNoun(core[nameStart - 1] as string)) {
    core = core.slice(0, nameStart - 1)
    nameStart = nameRunStart(core)
  }
  const nameWords = core.slice(nameStart)
  let roleWords = core.slice(0, nameStart).filter((word) => !HONORIFICS.test(word))
  const head = roleWords.findLastIndex(isRoleNoun)
  let role: string | null = null
  if (head >= 0) {
    roleWords = roleWords.slice(0, head + 1)
    // Before a lower-case role ("Harbour City coach"), capitalised words are who it is held for;
    // before a title ("Afghan Defence Minister"), only places and peoples are.
    const headWord = roleWords[head] as string
    let split = 0
    if (isCapitalised(headWord)) while (split < head && isPlaceWord(roleWords[split] as string)) split++
    else while (split < head && isCapitalised(roleWords[split] as string) && !isRoleNoun(roleWords[split] as string)) split++
    if (split > 0 && !affiliation) affiliation = roleWords.slice(0, split).join(' ')
    role = roleWords.slice(split).join(' ') + roleTail
  }
  // The title as written: the segment before the name, without "a"/"an".
  const written = segment.trim().replace(/^(?:a|an)\s+/i, '').replace(/[\s,;:.]+$/, '')
  const nameText = core.slice(nameStart).join(' ')
  const title = role ? (nameText ? written.slice(0, written.lastIndexOf(nameText)) : written).replace(/\s+(?:Mr|Mrs|Ms|Dr)\.?\s*$/, '').trim() || null : null

  if (nameWords.length > 0) {
    const name = nameWords.join(' ')
    const kind = entityKind(name)
    if (kind === 'other' && !role) return null
    if (kind === 'organisation' || (kind === 'place' && !role)) return { name, role: null, affiliation: null, title: null, kind: 'organisation' }
    if (role || kind === 'person' || nameWords.length > 1) return { name, role, affiliation, title, kind: 'person' }
    return { name, role: null, affiliation: null, title: null, kind: 'single' }
  }
  if (role) return { name: null, role, affiliation, title, kind: 'source' }
  // "the company", "the ministry": a body the article named before.
  if (determiner && first === 'the' && core.length <= 2 && core.every((word) => !isCapitalised(word))) {
    return { name: null, role: core.join(' '), affiliation: null, title: null, kind: 'reference' }
  }
  return null
}

/**
 * Parses a speaker phrase, its parts separated by commas ("Name, the role,"
 * or "Role, Name,"). Relative clauses ("who …", "which …") end the phrase.
 */
export function parseSpeakerPhrase(phrase: string): ParsedSpeaker | null {
  const label = phrase.replace(/\s+/g, ' ').replace(/[\s,;:.]+$/, '').trim()
  if (label === '') return null
  const segments: Segment[] = []
  for (const text of label.split(/\s*,\s*/)) {
    const segment = parseSegment(text)
    if (!segment) break
    segments.push(segment)
    if (segments.length === 3) break
  }
  if (segments.length === 0) return null
  const named = segments.find((segment) => segment.kind === 'person') ?? segments.find((segment) => segment.kind === 'single')
  const withRole = segments.find((segment) => segment.role !== null && segment !== named) ?? null
  const display = label.charAt(0).toUpperCase() + label.slice(1)
  if (named) {
    const role = named.role ?? withRole?.role ?? null
    const kind = named.kind === 'single' && role ? 'person' : named.kind
    return {
      name: named.name,
      role,
      affiliation: named.affiliation ?? withRole?.affiliation ?? null,
      title: named.title ?? withRole?.title ?? null,
      kind,
      label: named.name as string,
    }
  }
  const [only] = segments as [Segment]
  if (only.kind === 'organisation') return { ...only, label: only.name as string }
  return { ...only, label: display.split(/\s*,\s*/)[0] as string }
}
