import { OUTLET_PATTERNS, OUTLET_QUOTED_PERSON, SPEECH_PARTICIPLES, SPEECH_VERBS, isCapitalisedName, subjectPhrase } from './names.ts'
import type { PeopleRegistry } from './people.ts'
import { findQuotedSpans } from './quotations.ts'

/**
 * Reading one sentence of news copy for who speaks: the phrases that stand as
 * subjects of speech verbs, and the outlets named. Resolving a phrase to a
 * person is the caller's job (it needs the article's context).
 */

/** Verbs that may come before their subject ("…,” said Asif); "told" never does: what follows it is the listener. */
const INVERTIBLE_VERBS = new Set(['said', 'says', 'added', 'adds', 'wrote', 'writes', 'asked', 'asks', 'insisted', 'noted', 'warned', 'continued', 'explained', 'replied'])

/** Hides quoted words so that names and verbs inside a quotation are not read as tags. */
export function maskQuotations(text: string): string {
  let masked = text
  for (const span of findQuotedSpans(text)) {
    masked = masked.slice(0, span.start) + '_'.repeat(span.end - span.start) + masked.slice(span.end)
  }
  return masked
}

export function findOutlets(masked: string, people: PeopleRegistry): string[] {
  const outlets: string[] = []
  for (const pattern of OUTLET_PATTERNS) {
    for (const match of masked.matchAll(pattern)) {
      const outlet = (match.groups?.outlet ?? '').trim().replace(/\.$/, '')
      if (outlet === '' || !/^[A-Z]/.test(outlet)) continue
      if (people.resolve(outlet) || !isCapitalisedName(outlet.split(/\s+/)[0] as string)) continue
      if (!outlets.includes(outlet)) outlets.push(outlet)
    }
  }
  return outlets
}

/** Splits a clause at its commas, quotation marks and dashes, keeping order. */
function segments(text: string): string[] {
  return text.split(/[,;:—–”“"]|_+/).filter((segment) => segment.trim() !== '')
}

/** The antecedent of "…, who said": the capitalised words right before the comma. */
function antecedent(before: string): string | null {
  const match = /((?:[A-Z][\p{L}\p{M}.-]*(?:[’']s)?\s+)*[A-Z][\p{L}\p{M}.-]*)\s*,?\s*$/u.exec(before.replace(/\s*,\s*who\s*$/, ''))
  return match ? (match[1] as string) : null
}

/**
 * The subject phrases of a sentence's speech verbs, in order: "Asif" in
 * "…,” Asif said", the antecedent of "who claimed", the main clause's subject
 * for "…, saying", the name before an appositive ("Jane Doe, the minister, told").
 * `masked` has its quotations hidden (see `maskQuotations`).
 */
export function speechSubjects(masked: string, people: PeopleRegistry): string[] {
  const phrases: string[] = []
  for (const match of masked.matchAll(/[\p{L}’']+/gu)) {
    const word = match[0].toLowerCase()
    const isParticiple = SPEECH_PARTICIPLES.has(word)
    if (!SPEECH_VERBS.has(word) && !isParticiple) continue
    const phrase = isParticiple ? participleSubject(masked.slice(0, match.index)) : verbSubject(masked, match.index, word, people)
    if (phrase) phrases.push(phrase)
  }
  return phrases
}

/** "…, saying …": the speaker is the subject of the main clause. Without the comma it is a noun ("a stern warning"). */
function participleSubject(before: string): string | null {
  if (/\bwho\s*$/.test(before)) return antecedent(before.replace(/\bwho\s*$/, ''))
  if (!/,\s*$/.test(before)) return null
  for (const segment of segments(before)) {
    if (/^\s*[A-Za-z]+ing\b/.test(segment)) continue
    const phrase = subjectPhrase(segment)
    if (phrase) return phrase
  }
  return null
}

function verbSubject(masked: string, verbAt: number, verb: string, people: PeopleRegistry): string | null {
  const before = masked.slice(0, verbAt)
  if (/\bwho\s*$/.test(before)) return antecedent(before.replace(/\bwho\s*$/, ''))
  const clause = /[,;:—–”“"_]\s*$/.test(before) ? '' : (segments(before).at(-1) ?? '')
  const direct = clause.trim() === '' ? null : subjectPhrase(clause.replace(/^.*\bthat\s+/, ''), { whole: true })
  if (direct) return direct
  if (/,\s*$/.test(before)) {
    // "Jane Doe, the finance minister, told …": the subject stands before the appositive.
    const named = segments(before).map((segment) => segment.trim()).find((segment) => people.resolve(segment) !== null)
    if (named) return named
  }
  if (!INVERTIBLE_VERBS.has(verb)) return null
  // Inverted tag: "…,” said Asif.
  const after = /^\s+((?:[A-Z][\p{L}\p{M}.-]*\s*)+)/u.exec(masked.slice(verbAt + verb.length))
  return after ? (after[1] as string).trim().replace(/\.$/, '') : null
}

/** "Afghan media quoted Defence Minister X": each person an outlet carried, with the outlet. */
export function outletCarriedPeople(masked: string): Array<{ person: string; outlet: string }> {
  const found: Array<{ person: string; outlet: string }> = []
  for (const match of masked.matchAll(OUTLET_QUOTED_PERSON)) {
    const person = (match.groups?.person ?? '').trim()
    const outlet = (match.groups?.outlet ?? '').trim()
    if (person && outlet) found.push({ person, outlet })
  }
  return found
}
