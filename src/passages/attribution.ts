import { PRONOUNS, TITLED_NAME, isCapitalisedName, looksLikeSource, normaliseName } from './names.ts'
import { PeopleRegistry } from './people.ts'
import { findQuotedSpans } from './quotations.ts'
import { splitSentences } from './sentences.ts'
import { findOutlets, maskQuotations, outletCarriedPeople, speechSubjects } from './speechTags.ts'
import type { Attribution, Quotation, Sentence, Speaker } from './types.ts'

/** What attribution found in one paragraph. Offsets are into the paragraph text. */
export interface AttributedParagraph {
  sentences: Sentence[]
  quotations: Quotation[]
  attributions: Attribution[]
  outlets: string[]
}

interface SpeechTag {
  attribution: Attribution
  fromContext: boolean
}

/**
 * Reads one article's paragraphs in order and attributes its quoted and
 * reported speech: who (resolved across the article), through which outlet,
 * and quotations with no tag of their own from the paragraph before.
 */
export function attributeArticle(paragraphs: string[]): AttributedParagraph[] {
  const people = new PeopleRegistry()
  for (const text of paragraphs) people.scan(maskQuotations(text))

  let lastPerson: Attribution | null = null
  let previous: { text: string; tags: SpeechTag[] } | null = null
  const results: AttributedParagraph[] = []

  const resolveSubject = (phrase: string): SpeechTag | null => {
    const first = phrase.split(/\s+/)[0]?.toLowerCase() ?? ''
    if (PRONOUNS.has(first) && phrase.split(/\s+/).length === 1) {
      return lastPerson ? { attribution: { ...lastPerson }, fromContext: true } : null
    }
    let speaker: Speaker | null = people.resolve(phrase)
    if (!speaker) {
      const titled = [...phrase.matchAll(TITLED_NAME)][0]
      if (titled?.groups) {
        const { affiliation, role, name } = titled.groups
        speaker = people.add(name as string, affiliation ? `${affiliation}’s ${role}` : (role as string))
      } else if (isCapitalisedName(phrase) && phrase.includes(' ') && !looksLikeOrganisation(phrase)) {
        // New people are introduced by full name; a lone capitalised word is a place or body speaking.
        speaker = people.add(phrase, null)
      } else if (looksLikeSource(phrase)) {
        speaker = { name: phrase.charAt(0).toUpperCase() + phrase.slice(1), role: null, isPerson: false }
      }
    }
    if (!speaker) return null
    const { name, role, isPerson } = speaker
    return { attribution: { speaker: { name, role, isPerson }, via: null }, fromContext: false }
  }

  const tagsInSentence = (masked: string): SpeechTag[] => {
    const tags = speechSubjects(masked, people).flatMap((phrase) => resolveSubject(phrase) ?? [])
    for (const { person, outlet } of outletCarriedPeople(masked)) {
      const tag = resolveSubject(person)
      if (!tag || !tag.attribution.speaker.isPerson) continue
      people.add(tag.attribution.speaker.name, tag.attribution.speaker.role)
      people.setDefaultVia(tag.attribution.speaker, outlet)
      tags.unshift({ attribution: { ...tag.attribution, via: outlet }, fromContext: false })
    }
    return tags
  }

  for (const text of paragraphs) {
    const masked = maskQuotations(text)
    const sentences = splitSentences(text)
    const quotedSpans = findQuotedSpans(text)
    const paragraphOutlets = findOutlets(masked, people)
    const sentenceTags = sentences.map((sentence) => {
      const maskedSentence = masked.slice(sentence.start, sentence.end)
      const outlets = findOutlets(maskedSentence, people)
      return tagsInSentence(maskedSentence).map((tag) => withVia(tag, outlets[0] ?? null))
    })
    const paragraphTags = sentenceTags.flat()

    const contextTag = (): SpeechTag | null => {
      const wholeQuotation = quotedSpans.length === 1 && masked.replace(/[“”"_\s.,]/g, '') === ''
      if (!previous || !(wholeQuotation || /:\s*$/.test(previous.text))) return null
      const last = previous.tags.at(-1)
      return last ? { attribution: { ...last.attribution }, fromContext: true } : null
    }

    const quotations: Quotation[] = quotedSpans.map((span) => {
      const overlapping = sentences
        .map((sentence, index) => ({ sentence, index }))
        .filter(({ sentence }) => sentence.start < span.end && span.start < sentence.end)
      const own = overlapping.flatMap(({ index }) => sentenceTags[index] ?? [])
      const tag = own[0] ?? paragraphTags[0] ?? contextTag()
      const attribution = tag ? finishVia(tag, paragraphOutlets[0] ?? null) : null
      return { text: text.slice(span.start, span.end), start: span.start, end: span.end, attribution, fromContext: tag?.fromContext ?? false }
    })

    const attributions: Attribution[] = []
    const seen = new Set<string>()
    const collect = (attribution: Attribution | null) => {
      if (!attribution) return
      const key = normaliseName(attribution.speaker.name)
      if (seen.has(key)) return
      seen.add(key)
      attributions.push(attribution)
    }
    for (const quotation of quotations) collect(quotation.attribution)
    // Reported speech keeps only an outlet named in its own sentence.
    for (const tag of paragraphTags) collect(finishVia(tag, null))

    const allTags = [...paragraphTags, ...quotations.flatMap((q) => (q.attribution ? [{ attribution: q.attribution, fromContext: q.fromContext }] : []))]
    for (const tag of allTags) if (tag.attribution.speaker.isPerson) lastPerson = tag.attribution
    previous = { text, tags: allTags }
    results.push({ sentences, quotations, attributions, outlets: paragraphOutlets })
  }
  return results

  function withVia(tag: SpeechTag, via: string | null): SpeechTag {
    return tag.attribution.via || !via ? tag : { ...tag, attribution: { ...tag.attribution, via } }
  }

  /** Fills the outlet from the paragraph, then from what the article said of the person once. */
  function finishVia(tag: SpeechTag, paragraphOutlet: string | null): Attribution {
    if (tag.attribution.via) return tag.attribution
    const via = (tag.fromContext ? null : paragraphOutlet) ?? (tag.attribution.speaker.isPerson ? people.defaultVia(tag.attribution.speaker) : null)
    return { ...tag.attribution, via }
  }
}

/** Organisations speak too, but are not people ("the Foreign Office", "Taliban authorities"). */
function looksLikeOrganisation(phrase: string): boolean {
  return /\b(?:Office|Ministry|Government|Administration|Authorities|Council|Army|Police|Commission|Department|Agency|Taliban|Media|News|Press|Regime)\b/i.test(phrase)
}
