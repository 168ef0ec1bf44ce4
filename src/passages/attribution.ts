import { entityKind, isRoleNoun, lexiconKind, startsWithFirstName } from './entities.ts'
import { SPEECH_VERBS, normaliseName } from './names.ts'
import { SpeakerRegistry, personSpeaker, type Person } from './people.ts'
import { findQuotedSpans } from './quotations.ts'
import { splitSentences } from './sentences.ts'
import { parseSpeakerPhrase } from './speakerPhrase.ts'
import { findOutlets, maskQuotations, nameRuns, outletCarriedPeople, speechPhrases } from './speechTags.ts'
import type { Attribution, Claim, Quotation, Sentence, Speaker } from './types.ts'

/** What attribution found in one paragraph. Offsets are into the paragraph text. */
export interface AttributedParagraph {
  sentences: Sentence[]
  quotations: Quotation[]
  attributions: Attribution[]
  outlets: string[]
  people: Speaker[]
  claims: Claim[]
}

interface SpeechTag {
  attribution: Attribution
  /** The speaker came from context: a pronoun, or the paragraph before. */
  fromContext: boolean
  /** Offset of the speech verb in the paragraph. */
  at: number
  sentence: number
}

interface Mention {
  at: number
  person: Person
}

/** Words that start a capitalised run without being part of a name. */
const LEADING_NON_NAME = /^(?:(?:The|A|An|In|On|At|For|From|With|By|As|Of|If|When|While|After|Before|Despite|Following|But|And|However|Meanwhile|Speaking|It|He|She|They|This|That|Its|His|Her|Their)\s+)+/u
const WORD_BEFORE_RUN = /([\p{L}’'-]+)\s*$/u
const DATELINE = /^\s*\p{Lu}[\p{Lu} .’'-]+,(?:\s+[\p{L}.]+){0,2}\s+\d{1,2}\s*[—–-]\s*/u
const OBJECT_PRONOUNS = /^(?:it|they|we|i|you|this|that|which|there|these|those)$/i

/**
 * Reads one article's paragraphs in order and attributes its quoted and
 * reported speech: who (name, role and affiliation resolved across the
 * article), through which outlet for each quotation, and quotations with no
 * tag of their own from the paragraph before.
 */
export function attributeArticle(paragraphs: string[]): AttributedParagraph[] {
  const registry = new SpeakerRegistry()
  const runsOn = paragraphs.map((_, index) => /^\s*[“"]/.test(paragraphs[index + 1] ?? ''))
  // A dateline ("LIEBAU, April 15 — ") is where the story was filed, not a speaker: hidden like quoted words.
  const maskedParagraphs = paragraphs.map((text, index) => maskQuotations(text, { runsOn: runsOn[index] ?? false }).replace(DATELINE, (dateline) => ' '.repeat(dateline.length)))
  const sentenceLists = paragraphs.map(splitSentences)

  // Pass 1: the people the article names with a role, a first name compromise knows, or "who".
  const outletNames = new Set<string>()
  maskedParagraphs.forEach((masked, index) => {
    for (const sentence of sentenceLists[index] ?? []) {
      const text = masked.slice(sentence.start, sentence.end)
      for (const outlet of findOutlets(text, () => false)) outletNames.add(normaliseName(outlet))
      for (const carried of outletCarriedPeople(text)) outletNames.add(normaliseName(carried.outlet))
      for (const mention of mentionsIn(text)) registry.addPerson(mention)
    }
  })
  const isOutlet = (name: string) => outletNames.has(normaliseName(name))
  const isNamedPerson = (name: string) => registry.resolvePerson(name) !== null

  let lastPersonTag: SpeechTag | null = null
  let previous: { text: string; tags: SpeechTag[] } | null = null
  const lastSpeechVia = new Map<string, { via: string | null; paragraph: number }>()
  let pendingVia = new Map<string, string>()
  const sourcesSeen: Speaker[] = []
  const results: AttributedParagraph[] = []

  paragraphs.forEach((text, paragraphIndex) => {
    const masked = maskedParagraphs[paragraphIndex] as string
    const sentences = sentenceLists[paragraphIndex] as Sentence[]
    const runs = nameRuns(masked)
    const mentions = personMentions(runs)
    noteOrganisations(masked, runs)
    const nextPendingVia = new Map<string, string>()

    const sentenceTags: SpeechTag[][] = []
    const pronoun = (word: string, at: number): Speaker | null => {
      const gender = word.toLowerCase() === 'she' ? 'female' : 'male'
      const fits = (person: Person) => person.gender === null || person.gender === gender
      // "A federation spokeswoman said … “…,” she said": an unnamed source earlier in the paragraph counts too.
      const sources = sentenceTags.flat().filter((tag) => tag.attribution.speaker.kind === 'source' && tag.at < at && sourceFits(tag.attribution.speaker, gender))
      const earlier = mentions.filter((mention) => mention.at < at && fits(mention.person)).at(-1)
      const source = sources.at(-1)
      if (source && (!earlier || source.at > earlier.at)) return source.attribution.speaker
      const candidate = earlier?.person ?? (lastPersonTag ? registry.resolvePerson(lastPersonTag.attribution.speaker.name) : null)
      if (!candidate || !fits(candidate)) return null
      registry.learnGender(candidate, gender)
      return personSpeaker(candidate)
    }

    const resolve = (phrase: string, at: number): { speaker: Speaker; fromContext: boolean } | null => {
      const trimmed = phrase.trim().replace(/^(?:and|but|then)\s+/i, '')
      if (/^(?:he|she)$/i.test(trimmed)) {
        const found = pronoun(trimmed, at)
        return found ? { speaker: found, fromContext: true } : null
      }
      if (OBJECT_PRONOUNS.test(trimmed)) return null
      const parsed = parseSpeakerPhrase(trimmed)
      if (!parsed) return null
      const affiliation = parsed.affiliation && /^(?:its|his|her|their|our)$/.test(parsed.affiliation) ? registry.mostRecentOrganisation() : parsed.affiliation
      switch (parsed.kind) {
        case 'person': {
          const name = parsed.name as string
          if (isOutlet(name)) return null
          const title = affiliation !== parsed.affiliation && parsed.role && affiliation ? `${parsed.role}, ${affiliation}` : parsed.title
          const person = registry.addPerson({ name: registry.resolvePerson(name)?.name ?? name, role: parsed.role, affiliation, title })
          return { speaker: personSpeaker(person), fromContext: false }
        }
        case 'single':
        case 'organisation': {
          const name = parsed.name as string
          // A lone name, or compromise taking a surname for a place ("Markham"): the article's people come first.
          const person = registry.resolvePerson(name)
          if (person) return { speaker: personSpeaker(person), fromContext: false }
          if (isOutlet(name)) return null
          registry.noteOrganisation(name)
          return { speaker: organisation(registry.resolveOrganisation(name) ?? name), fromContext: false }
        }
        case 'reference': {
          // "The report, published by the Mines Inspectorate, said": the body it is by.
          const author = /\bby\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)/u.exec(trimmed)?.[1]
          if (author && !registry.resolvePerson(author)) {
            registry.noteOrganisation(author)
            return { speaker: organisation(registry.resolveOrganisation(author) ?? author), fromContext: false }
          }
          const name = registry.resolveReference(parsed.role)
          return { speaker: organisation(name ?? parsed.label), fromContext: name !== null }
        }
        case 'source': {
          // "The spokeswoman said …" after "a company spokeswoman": the same source again;
          // "the minister said" after "Finance Minister Karl Berg": the one person with that role.
          if (/^the\s/i.test(trimmed)) {
            const head = (parsed.role ?? '').split(/\s+/).at(-1)?.toLowerCase()
            const holders = registry.people().filter((person) => (person.role ?? '').split(/\s+/).at(-1)?.toLowerCase() === head)
            if (holders.length === 1 && !parsed.affiliation) return { speaker: personSpeaker(holders[0] as Person), fromContext: true }
            const known = sourcesSeen.findLast((source) => (source.role ?? '').split(/\s+/).at(-1)?.toLowerCase() === head)
            if (known) return { speaker: known, fromContext: true }
          }
          const speaker: Speaker = { name: parsed.label, role: parsed.role, affiliation, title: parsed.title, isPerson: false, kind: 'source' }
          sourcesSeen.push(speaker)
          return { speaker, fromContext: false }
        }
      }
    }

    const sentenceOutlets: string[][] = []
    sentences.forEach((sentence, sentenceIndex) => {
      const text = masked.slice(sentence.start, sentence.end)
      const outlets = findOutlets(text, isNamedPerson)
      const hasQuotation = text.includes('_')
      const tags: SpeechTag[] = []
      const push = (speaker: Speaker, fromContext: boolean, at: number, via: string | null) => {
        if (tags.some((tag) => tag.attribution.speaker.name === speaker.name)) return
        tags.push({ attribution: { speaker, via }, fromContext, at: sentence.start + at, sentence: sentenceIndex })
      }
      for (const carried of outletCarriedPeople(text)) {
        const found = resolve(carried.person, 0)
        if (!found) continue
        push(found.speaker, found.fromContext, 0, carried.outlet)
        // "Afghan media quoted X, who criticised …": X's next quotation came through that outlet.
        if (!hasQuotation) nextPendingVia.set(found.speaker.name, carried.outlet)
      }
      for (const phrase of speechPhrases(text, { reported: outlets.length > 0 })) {
        if (phrase.participle && phrase.phrase === '') continue
        const found = resolve(phrase.phrase, sentence.start + phrase.at)
        if (!found) continue
        let via = outlets[0] ?? null
        // "X told Reuters that … “…,” said X.": one report, one outlet, within a paragraph.
        if (!via) via = sentenceTags.flat().find((tag) => tag.attribution.speaker.name === found.speaker.name && tag.attribution.via)?.attribution.via ?? null
        if (!via && phrase.continuation) {
          // "He added …": the words carry on the speaker's words just before, through the same outlet.
          const earlier = sentenceTags.flat().filter((tag) => tag.attribution.speaker.name === found.speaker.name).at(-1)
          const last = lastSpeechVia.get(found.speaker.name)
          if (earlier) via = earlier.attribution.via
          else if (last && last.paragraph >= paragraphIndex - 1) via = last.via
        }
        push(found.speaker, found.fromContext, phrase.at, via)
      }
      sentenceTags.push(tags)
      sentenceOutlets.push(outlets)
    })
    const paragraphTags = sentenceTags.flat()

    const contextTag = (): SpeechTag | null => {
      const quotedOnly = masked.replace(/[“”"_\s.,]/g, '') === ''
      if (!previous || !(quotedOnly || /:\s*$/.test(previous.text))) return null
      const last = previous.tags.at(-1)
      return last ? { ...last, attribution: { ...last.attribution }, fromContext: true } : null
    }

    const quotations: Quotation[] = findQuotedSpans(text, { runsOn: runsOn[paragraphIndex] ?? false }).map((span) => {
      const overlapping = sentences.map((sentence, index) => ({ sentence, index })).filter(({ sentence }) => sentence.start < span.end && span.start < sentence.end)
      const own = overlapping.flatMap(({ index }) => sentenceTags[index] ?? [])
      const nearest = (tags: SpeechTag[]) => [...tags].sort((a, b) => distance(a.at, span) - distance(b.at, span))[0]
      const before = paragraphTags.filter((tag) => tag.at < span.start)
      const tag = nearest(own) ?? before.at(-1) ?? paragraphTags[0] ?? contextTag()
      let attribution: Attribution | null = tag ? { ...tag.attribution } : null
      const ownOutlet = overlapping.flatMap(({ index }) => sentenceOutlets[index] ?? [])[0]
      if (attribution && !attribution.via && ownOutlet) attribution = { ...attribution, via: ownOutlet }
      if (attribution && !attribution.via) {
        const pending = pendingVia.get(attribution.speaker.name)
        if (pending) attribution = { ...attribution, via: pending }
      }
      return { text: text.slice(span.start, span.end), start: span.start, end: span.end, attribution, fromContext: tag?.fromContext ?? false }
    })

    const claims: Claim[] = []
    sentences.forEach((sentence, index) => {
      const [tag] = sentenceTags[index] ?? []
      if (!tag) return
      if (quotations.some((quotation) => quotation.start < sentence.end && sentence.start < quotation.end)) return
      claims.push({ attribution: tag.attribution, start: sentence.start, end: sentence.end })
    })

    const attributions: Attribution[] = []
    const collect = (attribution: Attribution | null) => {
      if (!attribution || attributions.some((known) => known.speaker.name === attribution.speaker.name)) return
      attributions.push(attribution)
    }
    for (const quotation of quotations) collect(quotation.attribution)
    for (const tag of paragraphTags) collect(tag.attribution)

    // The speaker's latest words in this paragraph, quoted or reported, and the outlet they came through.
    const spoken = [...quotations.flatMap((quotation) => (quotation.attribution ? [{ at: quotation.start, attribution: quotation.attribution }] : [])), ...paragraphTags]
    for (const { attribution } of spoken.sort((a, b) => a.at - b.at)) lastSpeechVia.set(attribution.speaker.name, { via: attribution.via, paragraph: paragraphIndex })
    const allTags = [...paragraphTags, ...quotations.flatMap((quotation, index) => (quotation.attribution ? [{ attribution: quotation.attribution, fromContext: quotation.fromContext, at: quotation.start, sentence: index }] : []))]
    for (const tag of allTags) if (tag.attribution.speaker.isPerson) lastPersonTag = tag
    previous = { text, tags: paragraphTags.length > 0 ? paragraphTags : allTags }
    pendingVia = nextPendingVia

    const people: Speaker[] = []
    for (const { person } of mentions) if (!people.some((known) => known.name === person.name)) people.push(personSpeaker(person))
    const outlets = [...new Set(sentenceOutlets.flat())]
    results.push({ sentences, quotations, attributions, outlets, people, claims })
  })

  // Later mentions can lengthen a name or add a role: every person speaker gets the fullest record.
  const final = (speaker: Speaker): Speaker => {
    if (speaker.kind !== 'person') return speaker
    const person = registry.resolvePerson(speaker.name)
    return person ? personSpeaker(person) : speaker
  }
  for (const result of results) {
    result.quotations = result.quotations.map((quotation) => (quotation.attribution ? { ...quotation, attribution: { ...quotation.attribution, speaker: final(quotation.attribution.speaker) } } : quotation))
    result.attributions = result.attributions.map((attribution) => ({ ...attribution, speaker: final(attribution.speaker) }))
    result.claims = result.claims.map((claim) => ({ ...claim, attribution: { ...claim.attribution, speaker: final(claim.attribution.speaker) } }))
    result.people = result.people.map(final)
  }
  return results

  /** People named in a paragraph, in order, by full name or surname. */
  function personMentions(runs: ReturnType<typeof nameRuns>): Mention[] {
    const found: Mention[] = []
    for (const run of runs) {
      const name = run.text.replace(LEADING_NON_NAME, '')
      if (name === '') continue
      const person = registry.resolvePerson(name)
      if (person && !isOutlet(name)) found.push({ at: run.start, person })
    }
    return found
  }

  /** Bodies the paragraph names, for "the company" and "its" later on. */
  function noteOrganisations(masked: string, runs: ReturnType<typeof nameRuns>): void {
    for (const run of runs) {
      const name = run.text.replace(LEADING_NON_NAME, '')
      if (name === '' || isOutlet(name) || registry.resolvePerson(name)) continue
      const kind = lexiconKind(name)
      const possessive = /^[’']s/.test(masked.slice(run.end))
      const words = name.split(/\s+/)
      // "the nursing union NurseWorks": the noun before the name is what later sentences call it ("the union said").
      const head = DESCRIBED_BODY.exec(masked.slice(0, run.start))?.[1]?.toLowerCase()
      const described = head && !isRoleNoun(head) ? head : undefined
      if (kind === 'organisation' || (kind === 'unknown' && (possessive || words.length >= 2 || described) && !isRoleNoun(words.at(-1) as string))) registry.noteOrganisation(name, described)
    }
  }
}

/** "The nursing union ", "the budget airline ": a determiner and a few lower-case words right before a name, the last one its head noun. */
const DESCRIBED_BODY = /(?:^|\s)(?:[Tt]he|[Aa]n?)\s+(?:[\p{Ll}-]+\s+){0,2}?(\p{Ll}{3,})\s+$/u

/** A singular source the pronoun can stand for: "spokeswoman" is she, "spokesman" he, "spokesperson" either. */
function sourceFits(speaker: Speaker, gender: 'female' | 'male'): boolean {
  const head = (speaker.role ?? '').split(/\s+/).at(-1)?.toLowerCase() ?? ''
  if (head === '' || /s$/.test(head)) return false
  if (/(?:woman|ess)$/.test(head)) return gender === 'female'
  if (/man$/.test(head)) return gender === 'male'
  return true
}

function organisation(name: string): Speaker {
  return { name, role: null, affiliation: null, title: null, isPerson: false, kind: 'organisation' }
}

function distance(at: number, span: { start: number; end: number }): number {
  return at < span.start ? span.start - at : at > span.end ? at - span.end : 0
}

/**
 * People named in one sentence with a cue that they are people: a role
 * ("Chief executive Julian Marsh", "Priya Raman, chair of …"), a first name
 * compromise knows, an honorific, or a following "who".
 */
function mentionsIn(masked: string): Array<{ name: string; role: string | null; affiliation: string | null; title: string | null }> {
  const found: Array<{ name: string; role: string | null; affiliation: string | null; title: string | null }> = []
  for (const run of nameRuns(masked)) {
    const before = masked.slice(0, run.start)
    const after = masked.slice(run.end)
    // Role words right before the run ("Chief executive", "Harbour City coach", "Pakistan’s").
    const clause = before.split(/[,;:—–”“"(_]/).at(-1) ?? ''
    const leftWords = clause.trim().split(/\s+/).filter(Boolean)
    const kept: string[] = []
    for (let index = leftWords.length - 1; index >= 0 && kept.length < 4; index--) {
      const word = leftWords[index] as string
      if (isRoleNoun(word) || /^\p{Lu}/u.test(word) || /[’']s$/.test(word) || (kept.length > 0 && isRoleNoun(kept[0] as string) && /^\p{Ll}[\p{L}-]+$/u.test(word) && !/^(?:the|a|an|and|or|of|by|to|for|with|said|says|told|that|as)$/.test(word))) kept.unshift(word)
      else break
    }
    // The appositive, without a relative clause ("a drill operator who was pulled from …").
    const appositive = (/^\s*,\s*([^,;:—–_(]+)/u.exec(after)?.[1] ?? '').replace(/\s+(?:who|which|whose)\s.*$/s, '')
    const withRole = appositive !== '' && !/^\s*(?:who|which|that|with|in|on|at|for|from|by|to|after|before|as|of|and|but|while|when)\b/i.test(appositive) && appositive.split(/\s+/).some((word) => /^\p{Ll}/u.test(word) && isRoleNoun(word))
    // "Its leader, Tomas Brenner,": the role segment before the name, from after any speech verb ("said the winner, Ana Petrova").
    const leftRaw = /,\s*$/.test(before) && /^\s*,/.test(after) ? (before.replace(/,\s*$/, '').split(/[,;:—–”“"(_.]/).at(-1) ?? '') : ''
    const leftWordsRaw = leftRaw.trim().split(/\s+/).filter(Boolean)
    const lastVerb = leftWordsRaw.findLastIndex((word) => SPEECH_VERBS.has(word.toLowerCase()))
    const leftSegment = leftWordsRaw.slice(lastVerb + 1).join(' ')
    const leftRole = leftSegment.trim().split(/\s+/).length <= 6 && leftSegment.split(/\s+/).some((word) => /^\p{Ll}/u.test(word) && isRoleNoun(word))
    const honorific = /\b(?:Mr|Mrs|Ms|Dr)\.?\s*$/.test(before)
    const who = /^\s*,\s*who\b/.test(after)
    const roleBefore = kept.some((word) => isRoleNoun(word)) || run.text.split(/\s+/).some((word) => isRoleNoun(word))
    // compromise is asked only about runs with a cue; the rest are not read as people.
    if (!(leftRole || withRole || honorific || who || roleBefore || startsWithFirstName(run.text.replace(LEADING_NON_NAME, '')))) continue
    const phrase = [leftRole ? `${leftSegment.trim()},` : '', kept.join(' '), run.text, withRole ? `, ${appositive}` : ''].join(' ').replace(/\s+,/g, ',').trim()
    const parsed = parseSpeakerPhrase(phrase.replace(LEADING_NON_NAME, ''))
    // One word is a surname at most: full names introduce people.
    if (!parsed || parsed.kind !== 'person' || !parsed.name || !/\s/.test(parsed.name)) continue
    if (parsed.affiliation && /^(?:its|his|her|their|our)$/.test(parsed.affiliation)) {
      // "Its leader": resolved in reading order, when the body it refers to is known.
      parsed.affiliation = null
      parsed.title = null
    }
    const known = entityKind(parsed.name) === 'person'
    const previousWord = WORD_BEFORE_RUN.exec(before)?.[1] ?? ''
    if (!(parsed.role || known || honorific || who) || /^(?:of|in|at|from)$/i.test(previousWord) && !parsed.role) continue
    found.push({ name: parsed.name, role: parsed.role, affiliation: parsed.affiliation, title: parsed.title })
  }
  return found
}
