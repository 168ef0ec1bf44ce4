import { isRoleNoun } from './entities.ts'
import { MEDIA_NOUNS, SPEECH_PARTICIPLES, SPEECH_VERBS, subjectPhrase } from './names.ts'
import { findQuotedSpans } from './quotations.ts'

/**
 * Reading one sentence of news copy for who speaks: the phrases that stand as
 * subjects of speech verbs, and the outlets named. Resolving a phrase to a
 * speaker is the caller's job (it needs the article's context).
 * Every function here takes the sentence with its quotations masked (see
 * `maskQuotations`), so names and verbs inside quoted words are never read as tags.
 */

/** Verbs that may come before their subject ("…,” said Asif); "told" never does: what follows it is the listener. */
const INVERTIBLE_VERBS = new Set(['said', 'says', 'added', 'adds', 'wrote', 'writes', 'asked', 'asks', 'insisted', 'noted', 'warned', 'continued', 'explained', 'replied', 'stated', 'declared', 'argued', 'concluded', 'recalled', 'recalls', 'countered', 'conceded', 'observed', 'answered', 'exclaimed', 'quipped', 'joked'])

/** Verbs that carry on what the speaker was saying: the words keep the outlet they came through. */
export const CONTINUATION_VERBS = new Set(['added', 'adds', 'adding', 'continued', 'continues', 'went', 'goes'])

/** Verbs that report speech only when quoted words follow or an outlet is named ("called the plan “a gift”", not "called a strike"). */
const NEEDS_QUOTATION = new Set(['called', 'calls', 'calling', 'described', 'describes', 'describing', 'labelled', 'labeled', 'dubbed', 'accused', 'accuses', 'accusing'])

/** A capitalised word; a full stop only after an initial or a short title ("J.", "Ms."), so runs do not cross sentences. */
const CAP = String.raw`(?:\p{Lu}\p{Ll}{0,2}\.|\p{Lu}[\p{L}\p{M}'’&-]*)`
const NAME_RUN = String.raw`${CAP}(?:\s+(?:of\s+|de\s+|al-|van\s+|von\s+)?${CAP}){0,5}`

const ANTECEDENT = new RegExp(String.raw`((?:(?:${CAP}[’']s\s+)?(?:[\p{L}-]+\s+){0,3}?)?${CAP}(?:\s+${CAP})*)$`, 'u')
const INVERTED_NAME = new RegExp(String.raw`^\s+((?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?${NAME_RUN})`, 'u')
const INVERTED_TITLED_NAME = new RegExp(String.raw`^\s+((?:[\p{Ll}-]+\s+){1,3}${NAME_RUN})`, 'u')
const NAME_RUNS = new RegExp(String.raw`(?<![\p{L}’'])${NAME_RUN}`, 'gu')
/** Words without which a sentence names no outlet: the patterns below are tried only when one is present. */
const OUTLET_CUES = /quoted|according|told|telling|speaking|interview|remarks|comments|reported|cited|wrote|writing/i

/** Hides quoted words so that names and verbs inside a quotation are not read as tags. */
export function maskQuotations(text: string, options: { runsOn?: boolean } = {}): string {
  let masked = text
  for (const span of findQuotedSpans(text, options)) {
    masked = masked.slice(0, span.start) + '_'.repeat(span.end - span.start) + masked.slice(span.end)
  }
  return masked
}

/** "the public broadcaster NRV", "the daily Kurier": words describing an outlet before its name. */
const MEDIA_DESCRIPTION = String.raw`(?:(?:(?:public|state|state-run|national|local|regional|private|online|weekly|daily|financial|business|news|independent)\s+)*(?:broadcaster|newspaper|daily|channel|agency|network|radio|station|magazine|website|outlet|paper|television|tabloid|weekly|news\s+agency|news\s+site)\s+)?`

/** Outlets named by their relation to the words ("as quoted by Dawn", "told AFP", "according to Tolo News"). */
const OUTLET_PATTERNS: RegExp[] = [
  new RegExp(String.raw`\b(?:as\s+)?quoted\s+by\s+(?:[Tt]he\s+)?${MEDIA_DESCRIPTION}(?<outlet>${NAME_RUN}(?:\s+(?:${MEDIA_NOUNS}))?)`, 'gu'),
  new RegExp(String.raw`\b[Aa]ccording\s+to\s+(?:(?:an?|the)\s+(?:interview|remarks|comments)\s+(?:with|to|on)\s+)?(?:[Tt]he\s+)?${MEDIA_DESCRIPTION}(?<outlet>${NAME_RUN}(?:\s+(?:${MEDIA_NOUNS}))?)`, 'gu'),
  new RegExp(String.raw`\b(?:told|telling|[Ss]peaking\s+(?:to|on|with)|in\s+an\s+interview\s+(?:with|on)|in\s+remarks\s+to|in\s+comments\s+to|wrote\s+in|writing\s+in)\s+(?:[Tt]he\s+)?${MEDIA_DESCRIPTION}(?<outlet>${NAME_RUN}(?:\s+(?:${MEDIA_NOUNS}))?)`, 'gu'),
  new RegExp(String.raw`(?:^|[^\p{L}])(?:[Tt]he\s+)?(?<outlet>${NAME_RUN}(?:\s+(?:${MEDIA_NOUNS}))?|\p{Lu}[\p{L}-]*\s+(?:${MEDIA_NOUNS}))\s+(?:reported|quoted|cited)\b`, 'gu'),
]

/** "Afghan media quoted Defence Minister X", "The Courier quoted Ortiz as saying": the outlet and the person it carried. */
const OUTLET_QUOTED_PERSON = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:[Tt]he\s+)?(?<outlet>(?:${CAP}\s+)*${CAP}(?:\s+(?:${MEDIA_NOUNS}))?|\p{Lu}[\p{L}-]*\s+(?:${MEDIA_NOUNS}))\s+(?:quoted|cited)\s+(?<person>(?:${CAP}[’']s\s+)?${CAP}(?:\s+${CAP}){0,8}|(?:an?|the)\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,3})`,
  'gu',
)

const NOT_OUTLET_START = /^(?:The|A|An|In|On|At|For|From|With|By|As|Of|But|And|However|Meanwhile|It|He|She|They)$/

/** The outlets a sentence names, in order; `isNamedPerson` keeps people out ("told Asif"). */
export function findOutlets(masked: string, isNamedPerson: (name: string) => boolean): string[] {
  const outlets: string[] = []
  if (!OUTLET_CUES.test(masked)) return outlets
  for (const pattern of OUTLET_PATTERNS) {
    for (const match of masked.matchAll(pattern)) {
      const outlet = (match.groups?.outlet ?? '').trim().replace(/[.,]$/, '')
      if (outlet === '' || !/^\p{Lu}/u.test(outlet) || NOT_OUTLET_START.test(outlet.split(/\s+/)[0] as string)) continue
      if (isNamedPerson(outlet)) continue
      if (!outlets.includes(outlet)) outlets.push(outlet)
    }
  }
  return outlets
}

export interface CarriedSpeech {
  person: string
  outlet: string
}

/** "Afghan media quoted Defence Minister X": each person an outlet carried, with the outlet. */
export function outletCarriedPeople(masked: string): CarriedSpeech[] {
  const found: CarriedSpeech[] = []
  if (!/quoted|cited/.test(masked)) return found
  for (const match of masked.matchAll(OUTLET_QUOTED_PERSON)) {
    const person = (match.groups?.person ?? '').trim()
    const outlet = (match.groups?.outlet ?? '').trim()
    if (person && outlet && !NOT_OUTLET_START.test(outlet.split(/\s+/)[0] as string)) found.push({ person, outlet })
  }
  return found
}

export interface SpeechPhrase {
  /** The subject as written ("Corvid's general counsel, Marcus Feld", "she", "a spokesperson for the commission"). */
  phrase: string
  /** Offset of the speech verb in the sentence. */
  at: number
  verb: string
  /** The verb carries on earlier words ("He added:"). */
  continuation: boolean
  /** "…, saying": the subject is the main clause's, already found when another verb came first. */
  participle: boolean
}

/** Splits a clause at its commas, quotation marks and dashes, keeping order. */
function segments(text: string): string[] {
  return text.split(/[,;:—–”“"()]|_+/).filter((segment) => segment.trim() !== '')
}

/** Openers that are not subjects: "In a statement,", "Speaking to reporters,", "Meanwhile,". */
function isOpener(segment: string): boolean {
  const text = segment.trim()
  return /^(?:in|on|at|for|from|with|by|after|before|during|as|of|to|under|following|despite|since|when|while|outside|inside|earlier|later|meanwhile|however|separately|still|yet|but|and|also|instead|indeed|moreover|now|then|so|speaking|writing|asked|responding|addressing)\b/i.test(text) || /^\p{L}+ing\b/u.test(text)
}

/** The antecedent of "…, who said": the name (and its title) right before the comma. */
function antecedent(before: string): string | null {
  const trimmed = before.replace(/\s*,?\s*who\s*$/, '').replace(/\s*,\s*$/, '')
  const parts = segments(trimmed)
  const last = parts.at(-1)?.trim() ?? ''
  if (last === '') return null
  // "Lena Hoffmann, who": the name run; "Pakistan’s Defence Minister Khawaja Asif, who": with its title.
  const match = ANTECEDENT.exec(last)
  if (!match) return null
  const phrase = (match[1] as string).trim()
  // Keep words before the name only when they name a role ("Chief executive Julian Marsh").
  const words = phrase.split(/\s+/)
  let start = 0
  while (start < words.length - 1 && !/^\p{Lu}/u.test(words[start] as string) && !isRoleNoun(words[start] as string) && !isRoleNoun(words[start + 1] as string)) start++
  return words.slice(start).join(' ')
}

/** The subject standing before the verb, with an appositive: "Elena Marsh, the finance minister, told …". */
function subjectBefore(before: string): string | null {
  if (/,\s*$/.test(before)) {
    // A relative clause inside an appositive says more about the person, not who they are.
    const parts = segments(before).map((part) => part.replace(/\s+(?:who|which|whose)\s.*$/s, '').trim())
    while (parts.length > 0 && isOpener(parts[0] as string)) parts.shift()
    // An appositive construction is a few short noun phrases, not a clause.
    if (parts.length === 0 || parts.length > 3 || parts.some((part) => part.split(/\s+/).length > 10)) return null
    return parts.join(', ')
  }
  if (/[;:—–”“"_(]\s*$/.test(before)) return null
  const clause = segments(before).at(-1) ?? ''
  if (clause.trim() === '') return null
  return subjectPhrase(clause.replace(/^.*\bthat\s+/, ''), { whole: true })
}

/** The subject after an inverted verb: "…,” said Priya Raman, chair of the commission, at …". */
function subjectAfter(after: string): string | null {
  const named = INVERTED_NAME.exec(after)
  const described = /^\s+((?:an?|the)\s+(?:[^,.;:—–_]|\.(?=\s+\p{Lu}))+)/u.exec(after)
  // "…,” said union official Pat Moore": role words, then the name.
  const titled = INVERTED_TITLED_NAME.exec(after)
  const roleFirst = titled && (titled[1] as string).split(/\s+/).some((word) => isRoleNoun(word)) ? titled : null
  const head = named?.[1] ?? roleFirst?.[1] ?? described?.[1]
  if (!head) return null
  // An age between commas comes before the role: "said Renata Szabo, 34, an intensive-care nurse".
  const rest = after.slice((named ?? roleFirst ?? described)?.[0].length ?? 0).replace(/^\s*,\s*\d{1,3}\s*(?=,)/, '')
  // An appositive naming the role: ", chair of the commission," / ", the party's leader."
  // A full stop inside a sentence before a capital is an abbreviation ("St. Aurel Hospital").
  const appositive = /^\s*,\s*((?:[^,.;:—–_]|\.(?=\s+\p{Lu}))+)/u.exec(rest)?.[1]?.replace(/\s+(?:who|which|whose)\s.*$/s, '')
  if (appositive && appositive.split(/\s+/).some(isRoleNoun) && !/^\s*(?:who|which|that|at|in|on|after|before)\b/i.test(appositive)) return `${head}, ${appositive}`
  return head.replace(/\.$/, '')
}

/** "X was quoted (by the Ledger) as" before "saying": X, the one whose words they were. */
const PASSIVE_QUOTED = /^(.*?)\s+(?:was|were|is|are|has\s+been|had\s+been)\s+(?:widely\s+)?quoted\b[^,;:—–_]*?\bas\s*$/su

/** The main clause's subject, for "…, saying …" with no speech verb before it. */
function mainSubject(before: string): string | null {
  if (/\bwho\s*$/.test(before)) return antecedent(before)
  if (!/,\s*$/.test(before)) return null
  for (const part of segments(before)) {
    if (isOpener(part)) continue
    const phrase = subjectPhrase(part)
    if (phrase) return phrase
  }
  return null
}

/**
 * The subject phrases of a sentence's speech verbs, in order: "Asif" in
 * "…,” Asif said", the antecedent of "who claimed", the main clause's subject
 * for "…, saying", the name with its appositive ("Jane Doe, the minister, told"),
 * the subject after an inverted verb ("said Priya Raman, chair of …").
 */
export function speechPhrases(masked: string, { reported = false }: { reported?: boolean } = {}): SpeechPhrase[] {
  const phrases: SpeechPhrase[] = []
  for (const match of masked.matchAll(/[\p{L}’']+/gu)) {
    const word = match[0].toLowerCase()
    const isParticiple = SPEECH_PARTICIPLES.has(word)
    const wentOn = word === 'went' && /^\s+on\b/.test(masked.slice(match.index + word.length))
    if (!SPEECH_VERBS.has(word) && !isParticiple && !wentOn) continue
    // "called it “…”", "described the result as “…”": speech only when quoted words follow.
    // `reported`: the sentence names where the words came from ("…, according to the BBC").
    if (NEEDS_QUOTATION.has(word) && !reported && !masked.slice(match.index).includes('_')) continue
    const before = masked.slice(0, match.index)
    let phrase: string | null
    const quotedAs = isParticiple ? PASSIVE_QUOTED.exec(before) : null
    if (/\bwho\s*$/.test(before)) phrase = antecedent(before)
    // "…,” Achterberg was quoted by the Ledger as saying": the subject of the passive.
    else if (quotedAs) phrase = subjectPhrase(segments(quotedAs[1] as string).at(-1) ?? '', { whole: true })
    else if (isParticiple) phrase = mainSubject(before)
    else phrase = subjectBefore(before) ?? (INVERTIBLE_VERBS.has(word) && /[,”"_]\s*$/.test(before) ? subjectAfter(masked.slice(match.index + word.length)) : null)
    if (isParticiple && !phrase && !/,\s*$/.test(before)) continue
    phrases.push({ phrase: phrase ?? '', at: match.index, verb: word, continuation: CONTINUATION_VERBS.has(word), participle: isParticiple })
  }
  // "According to a government spokesman, …": the source of the sentence's claim.
  for (const match of masked.matchAll(/\b[Aa]ccording\s+to\s+((?:an?|the)\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,3})/gu)) {
    const phrase = match[1] as string
    if (phrase.split(/\s+/).some((word) => isRoleNoun(word))) phrases.push({ phrase, at: match.index, verb: 'according', continuation: false, participle: false })
  }
  return phrases.filter((found) => found.phrase !== '' || found.participle)
}

/** Capitalised name runs with their offsets, for finding who a paragraph names. */
export function nameRuns(masked: string): Array<{ text: string; start: number; end: number }> {
  const runs: Array<{ text: string; start: number; end: number }> = []
  for (const match of masked.matchAll(NAME_RUNS)) {
    const text = match[0].replace(/[’']s$/, '').replace(/[.,]$/, '')
    runs.push({ text, start: match.index, end: match.index + text.length })
  }
  return runs
}
