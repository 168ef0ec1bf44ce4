import type { Passage, Speaker } from '../passages/types.ts'
import { termsOf } from '../search/terms.ts'
import type { SummaryLength, SummaryResult, SummarySentence } from './types.ts'

export interface SummaryOptions {
  /** `short` (about 3 sentences) or `full` (about 7). Default `short`. */
  length?: SummaryLength
  /** Sentences per length. Default { short: 3, full: 7 }. */
  sentenceCounts?: Record<SummaryLength, number>
  /** Character budget per length, counting sentence text only. Default { short: 700, full: 1500 }. */
  maxChars?: Record<SummaryLength, number>
  /** Trade-off between relevance (1) and novelty (0) when picking the next sentence. Default 0.7. */
  diversity?: number
  /** Principal speakers whose key line the summary gives. Default { short: 1, full: 3 }. */
  voices?: Record<SummaryLength, number>
}

export const defaultSummaryOptions: Required<SummaryOptions> = {
  length: 'short',
  sentenceCounts: { short: 3, full: 7 },
  maxChars: { short: 700, full: 1500 },
  diversity: 0.7,
  voices: { short: 1, full: 3 },
}

interface Candidate {
  text: string
  passage: Passage
  order: number
  vector: Map<string, number>
  score: number
  section: string | null
  /** Speakers whose words this sentence gives and who it names. */
  voices: string[]
}

/** Sentences that cannot stand alone: they lean on a previous one, only introduce a quotation, or start or end inside one. */
function standsAlone(text: string): boolean {
  if (text.length < 40 || /:\s*$/.test(text)) return false
  if (/^(?:he|she|they|it|this|these|those|that|his|her|their|its|such)\b/i.test(text)) return false
  const opening = (text.match(/“/g) ?? []).length
  const closing = (text.match(/”/g) ?? []).length
  const straight = (text.match(/"/g) ?? []).length
  if (opening !== closing || straight % 2 === 1) return false
  // A sentence that is only quoted words has no speaker in it.
  return !/^[“"][^”"]*[”"]?[.!?]?$/.test(text)
}

const DATE_OR_FIGURE = /\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0
  let normA = 0
  let normB = 0
  for (const [term, value] of a) {
    normA += value * value
    const other = b.get(term)
    if (other) dot += value * other
  }
  for (const value of b.values()) normB += value * value
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB)
}

const surname = (speaker: Speaker) => speaker.name.split(/\s+/).at(-1) ?? speaker.name
/** The word stands in the text as a whole word, in any letter case. */
function wordIn(word: string, text: string): boolean {
  const haystack = text.toLowerCase()
  const needle = word.toLowerCase()
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1] ?? ' '
    const after = haystack[at + needle.length] ?? ' '
    if (!/\p{L}/u.test(before) && !/\p{L}/u.test(after)) return true
  }
  return false
}

/** The sentence names the speaker: a person by surname, a body by name, a source by its role's head word. */
function names(speaker: Speaker, text: string): boolean {
  if (speaker.kind === 'person') return wordIn(surname(speaker), text)
  if (speaker.kind === 'organisation') return wordIn(speaker.name.split(/\s+/)[0] ?? speaker.name, text)
  const head = (speaker.role ?? speaker.name).split(/\s+/).at(-1) ?? ''
  return head !== '' && wordIn(head, text)
}

/** "Khawaja Asif, Pakistan’s Defence Minister": who a person is, from the speaker model. */
function introduction(person: Speaker): string {
  const described = person.title ?? (person.role && person.affiliation ? `${person.role}, ${person.affiliation}` : person.role)
  return described ? `${person.name}, ${described}` : person.name
}

/**
 * An extractive summary: verbatim sentences chosen for how central they are to
 * the article (similarity to its overall term profile, the lede and section
 * openings favoured, dates and figures too), for covering each section's main
 * development and the key line of each principal speaker, each new one
 * penalised for repeating those already chosen, then put back in article
 * order. People named without their role get it as a label beside the sentence.
 */
export function summarise(articlePassages: Passage[], options: SummaryOptions = {}): SummaryResult {
  const settings = { ...defaultSummaryOptions, ...options }
  const first = articlePassages[0]
  if (!first) throw new Error('summarise: the article has no passages')
  const length = settings.length
  const budget = settings.maxChars[length]
  const target = settings.sentenceCounts[length]

  const sentences = articlePassages.flatMap((passage) => passage.sentences.map((sentence, index) => ({ passage, sentence, index })))
  const documentFrequency = new Map<string, number>()
  const termLists = sentences.map(({ sentence }) => termsOf(sentence.text))
  for (const terms of termLists) for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1)
  const vectors = termLists.map((terms) => {
    const vector = new Map<string, number>()
    for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + Math.log(1 + sentences.length / (documentFrequency.get(term) ?? 1)))
    return vector
  })
  const centroid = new Map<string, number>()
  for (const vector of vectors) for (const [term, value] of vector) centroid.set(term, (centroid.get(term) ?? 0) + value)

  // Who speaks most in the article: quotations count fully, reported speech half.
  const weight = new Map<string, { speaker: Speaker; weight: number; first: number }>()
  articlePassages.forEach((passage, order) => {
    const add = (speaker: Speaker, amount: number) => {
      const known = weight.get(speaker.name) ?? { speaker, weight: 0, first: order }
      known.weight += amount
      weight.set(speaker.name, known)
    }
    for (const quotation of passage.quotations) if (quotation.attribution) add(quotation.attribution.speaker, 1)
    for (const claim of passage.claims) add(claim.attribution.speaker, 0.5)
  })
  const principal = [...weight.values()]
    .filter((entry) => entry.speaker.kind !== 'source' || entry.weight >= 1)
    .sort((a, b) => b.weight - a.weight || a.first - b.first)
    .slice(0, settings.voices[length])
    .map((entry) => entry.speaker.name)

  const sectionsSeen = new Set<string | null>()
  const candidates: Candidate[] = []
  sentences.forEach(({ passage, sentence, index }, order) => {
    const opensSection = index === 0 && passage.part === 1 && !sectionsSeen.has(passage.section)
    if (opensSection) sectionsSeen.add(passage.section)
    if (!standsAlone(sentence.text)) return
    const vector = vectors[order] as Map<string, number>
    const position = order === 0 ? 1.5 : opensSection ? 1.15 : 1
    // Developments carry dates and figures ("on October 19", "more than 70 people").
    const concrete = DATE_OR_FIGURE.test(sentence.text) ? 1.2 : 1
    const inside = (span: { start: number; end: number }) => span.start < sentence.end && sentence.start < span.end
    const speakers = [...passage.quotations.filter(inside).flatMap((quotation) => (quotation.attribution ? [quotation.attribution.speaker] : [])), ...passage.claims.filter(inside).map((claim) => claim.attribution.speaker)]
    const voices = [...new Set(speakers.filter((speaker) => names(speaker, sentence.text)).map((speaker) => speaker.name))]
    candidates.push({ text: sentence.text, passage, order, vector, score: cosine(vector, centroid) * position * concrete, section: passage.section, voices })
  })
  // An article too short for sentences that stand alone is summarised by its opening.
  if (candidates.length === 0) {
    const opening = sentences[0]
    const text = opening ? opening.sentence.text : first.text
    const passage = opening ? opening.passage : first
    return { article: { slug: first.articleSlug, title: first.articleTitle }, length, sentences: [{ text, passageId: passage.id, paragraph: passage.paragraph, introduces: [] }] }
  }

  // Goals: each section's main development (full only), and each principal speaker's key line.
  const best = Math.max(...candidates.map((candidate) => candidate.score))
  const sectionGoals = new Set(length === 'full' ? candidates.map((candidate) => candidate.section) : [])
  const voiceGoals = new Set(principal)
  const chosen: Candidate[] = []
  let characters = 0
  while (chosen.length < target) {
    let pick: Candidate | null = null
    let pickValue = -Infinity
    for (const candidate of candidates) {
      if (chosen.includes(candidate) || characters + candidate.text.length > budget) continue
      const redundancy = Math.max(0, ...chosen.map((other) => cosine(candidate.vector, other.vector) + (other.passage === candidate.passage ? 0.5 : 0) + (other.passage.section === candidate.passage.section ? 0.25 : 0)))
      const covers = (sectionGoals.has(candidate.section) ? 0.35 : 0) + candidate.voices.filter((voice) => voiceGoals.has(voice)).length * 0.5
      const value = settings.diversity * candidate.score - (1 - settings.diversity) * redundancy + covers * best
      if (value > pickValue) {
        pick = candidate
        pickValue = value
      }
    }
    if (!pick) break
    chosen.push(pick)
    characters += pick.text.length
    sectionGoals.delete(pick.section)
    for (const voice of pick.voices) voiceGoals.delete(voice)
  }

  return {
    article: { slug: first.articleSlug, title: first.articleTitle },
    length,
    sentences: withIntroductions(chosen.sort((a, b) => a.order - b.order), articlePassages),
  }
}

/**
 * The first time the summary names a person, the sentence should say who they
 * are. When it does not ("Asif invoked…"), the role from the speaker model is
 * given beside the sentence.
 */
function withIntroductions(chosen: Candidate[], articlePassages: Passage[]): SummarySentence[] {
  const people = new Map<string, Speaker>()
  for (const passage of articlePassages) {
    for (const person of passage.people) if (!people.has(person.name)) people.set(person.name, person)
    for (const { speaker } of passage.attributions) if (speaker.kind === 'person' && !people.has(speaker.name)) people.set(speaker.name, speaker)
  }
  const introduced = new Set<string>()
  return chosen.map(({ text, passage }) => {
    const introduces: SummarySentence['introduces'] = []
    for (const person of people.values()) {
      if (introduced.has(person.name)) continue
      const mention = wordIn(person.name, text) ? person.name : wordIn(surname(person), text) ? surname(person) : null
      if (!mention) continue
      introduced.add(person.name)
      const saysWho = (person.title && text.includes(person.title)) || (person.role && wordIn(person.role, text))
      if (!saysWho && (person.role || mention !== person.name)) introduces.push({ mention, label: introduction(person) })
    }
    return { text, passageId: passage.id, paragraph: passage.paragraph, introduces }
  })
}
