import nlp from 'compromise'

/**
 * Stage "analyse", passage side: which kinds of entity a sentence names,
 * read by compromise's part-of-speech and entity tagger rather than by
 * capital letters. Answer types rest on them: a "when" question wants a
 * sentence with a date, "where" a place, "who" a person or organisation,
 * "how many" a number.
 */
/** 'number' counts things ("6.1 million customers"); 'amount' is money or a share ("$48.5 million", "4.3 percent"). */
export type EntityKind = 'person' | 'organization' | 'place' | 'date' | 'duration' | 'number' | 'amount' | 'properNoun'

export type EntityKinds = ReadonlySet<EntityKind>

const TAG_KINDS: Array<[string, EntityKind]> = [
  ['Person', 'person'],
  ['Organization', 'organization'],
  ['Place', 'place'],
  ['Date', 'date'],
  ['Month', 'date'],
  ['WeekDay', 'date'],
  ['Year', 'date'],
  // "within days" says how long, not when.
  ['Duration', 'duration'],
  ['Value', 'number'],
  ['Money', 'amount'],
  ['Percent', 'amount'],
  ['ProperNoun', 'properNoun'],
]

/** Sentences repeat across reloads and similar articles: remember each one's kinds (bounded, cleared when full). */
const CACHE = new Map<string, EntityKinds>()
const CACHE_LIMIT = 100_000

interface TaggedTerm {
  text?: string
  tags?: string[]
}

interface LiveTerm {
  text: string
  tags: Set<string>
}

type Tags = ReadonlySet<string> | readonly string[]

const hasTag = (tags: Tags, tag: string) => (Array.isArray(tags) ? (tags as readonly string[]).includes(tag) : (tags as ReadonlySet<string>).has(tag))

/** Words after which a bare four-digit number is a year: "in 1066", "until 1204", "by 2030". */
const BEFORE_A_YEAR = new Set(['in', 'since', 'until', 'till', 'by', 'before', 'after', 'from', 'to', 'during', 'around', 'circa', 'of', 'early', 'late', 'mid'])

/**
 * Dates the tagger leaves out: a bare year after a preposition ("in 1066",
 * which it tags only as a number), and an era named by an ordinal ("the 10th
 * century", "the 11th and 12th centuries", which it tags as a length of time).
 */
function isYearOrEra(text: string, tags: Tags, previous: { text: string; tags: Tags } | null): boolean {
  if (!previous) return false
  if (/^\d{4}$/.test(text) && hasTag(tags, 'NumericValue')) {
    const year = Number(text)
    return year >= 1000 && year <= 2099 && BEFORE_A_YEAR.has(previous.text.toLowerCase())
  }
  return /^(?:century|centuries|millennium|millennia)$/i.test(text) && hasTag(previous.tags, 'Ordinal')
}

/**
 * Adds the kinds a term's tags name; returns whether the term is part of an amount,
 * for the next term: compromise tags "$48.5" as Money but the "million" after it only as a Value.
 */
function kindsOfTags(text: string, tags: Tags, previous: { text: string; tags: Tags } | null, firstInSentence: boolean, into: Set<EntityKind>, afterAmount = false): boolean {
  const has = (tag: string) => hasTag(tags, tag)
  const amount = has('Money') || has('Percent') || (afterAmount && has('Value') && !has('NumericValue'))
  if (isYearOrEra(text, tags, previous)) {
    into.add('date')
    return false
  }
  // compromise tags "days" and "weeks" as both Date and Duration: a length of time, not a date.
  const duration = has('Duration')
  for (const [tag, kind] of TAG_KINDS) {
    if (!has(tag) || (duration && kind === 'date')) continue
    // The first word of a sentence is capitalised anyway: as a bare proper noun it says nothing.
    if (kind === 'properNoun' && firstInSentence) continue
    // "$48.5 million" is a Value too, but an amount: it does not say how many of anything.
    into.add(kind === 'number' && amount ? 'amount' : kind)
  }
  return amount
}

const PARAGRAPH_CACHE = new Map<string, EntityKinds[]>()

/**
 * The entity kinds of each sentence of a paragraph, tagged in one pass over
 * the whole paragraph (a third cheaper than sentence by sentence, and the
 * tagger sees each sentence in its context). `sentences` are the paragraph's
 * sentences as character ranges of `text`.
 */
export function sentenceEntityKinds(text: string, sentences: ReadonlyArray<{ start: number; end: number }>): EntityKinds[] {
  const cached = PARAGRAPH_CACHE.get(text)
  if (cached && cached.length === sentences.length) return cached
  const kinds = sentences.map(() => new Set<EntityKind>())
  const terms = (nlp(text) as unknown as { termList(): LiveTerm[] }).termList()
  let cursor = 0
  let sentence = 0
  let previousSentence = -1
  let afterAmount = false
  let previous: LiveTerm | null = null
  for (const term of terms) {
    const at = term.text ? text.indexOf(term.text, cursor) : -1
    if (at === -1) continue
    cursor = at + term.text.length
    while (sentence < sentences.length - 1 && at >= (sentences[sentence] as { end: number }).end) sentence++
    const sameSentence = sentence === previousSentence
    afterAmount = kindsOfTags(term.text, term.tags, sameSentence ? previous : null, !sameSentence, kinds[sentence] as Set<EntityKind>, afterAmount && sameSentence)
    previousSentence = sentence
    previous = term
  }
  if (PARAGRAPH_CACHE.size >= CACHE_LIMIT) PARAGRAPH_CACHE.clear()
  PARAGRAPH_CACHE.set(text, kinds)
  return kinds
}

/** A paragraph's sentence kinds as read earlier (from the analysis cache), so the tagger need not run. */
export function rememberEntityKinds(text: string, kinds: ReadonlyArray<readonly EntityKind[]>): void {
  if (PARAGRAPH_CACHE.size >= CACHE_LIMIT) PARAGRAPH_CACHE.clear()
  PARAGRAPH_CACHE.set(text, kinds.map((sentence) => new Set(sentence)))
}

export function entityKinds(sentence: string): EntityKinds {
  const cached = CACHE.get(sentence)
  if (cached) return cached
  const kinds = new Set<EntityKind>()
  const terms = (nlp(sentence).json() as Array<{ terms: TaggedTerm[] }>).flatMap((entry) => entry.terms)
  let afterAmount = false
  terms.forEach((term, position) => {
    const before = terms[position - 1]
    afterAmount = kindsOfTags(term.text ?? '', term.tags ?? [], before ? { text: before.text ?? '', tags: before.tags ?? [] } : null, position === 0, kinds, afterAmount)
  })
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear()
  CACHE.set(sentence, kinds)
  return kinds
}
