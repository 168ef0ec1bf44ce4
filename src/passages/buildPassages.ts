import type { Article } from '../corpus/article.ts'
import { attributeArticle, type AttributedParagraph } from './attribution.ts'
import type { Attribution, Passage } from './types.ts'

export interface PassageOptions {
  /** Paragraphs longer than this are split at sentence boundaries. Default 700 characters. */
  maxPassageChars?: number
}

export const defaultPassageOptions: Required<PassageOptions> = { maxPassageChars: 700 }

/**
 * Groups sentences into runs of at most `max` characters. Sentences joined by
 * one quotation stay together (a quotation must not be cut between parts); a
 * longer group stands alone.
 */
function partition(paragraph: AttributedParagraph, text: string, max: number): Array<{ start: number; end: number }> {
  if (text.length <= max || paragraph.sentences.length < 2) return [{ start: 0, end: text.length }]
  const units: Array<{ start: number; end: number }> = []
  for (const sentence of paragraph.sentences) {
    const last = units.at(-1)
    const joined = last && paragraph.quotations.some((quotation) => quotation.start < last.end && sentence.start < quotation.end)
    if (last && joined) last.end = sentence.end
    else units.push({ start: units.length === 0 ? 0 : sentence.start, end: sentence.end })
  }
  const parts: Array<{ start: number; end: number }> = []
  for (const unit of units) {
    const current = parts.at(-1)
    if (current && unit.end - current.start <= max) current.end = unit.end
    else parts.push({ ...unit })
  }
  return parts
}

/** Splits an article into passages that know their article, section, paragraph and speakers. */
export function buildPassages(article: Article, options: PassageOptions = {}): Passage[] {
  const { maxPassageChars } = { ...defaultPassageOptions, ...options }
  const attributed = attributeArticle(article.paragraphs.map((paragraph) => paragraph.text))
  const passages: Passage[] = []
  article.paragraphs.forEach((paragraph, index) => {
    const info = attributed[index] as AttributedParagraph
    const parts = partition(info, paragraph.text, maxPassageChars)
    parts.forEach((part, partIndex) => {
      const inside = <T extends { start: number; end: number }>(span: T) => span.start >= part.start && span.end <= part.end
      const shift = <T extends { start: number; end: number }>(span: T): T => ({ ...span, start: span.start - part.start, end: span.end - part.start })
      const quotations = info.quotations.filter(inside).map(shift)
      const claims = info.claims.filter(inside).map(shift)
      // A part of a long paragraph lists only who speaks in it: their quotations, then their reported speech.
      const attributions: Attribution[] =
        parts.length === 1 ? info.attributions : mergeAttributions(quotations.flatMap((q) => (q.attribution ? [q.attribution] : [])), claims.map((claim) => claim.attribution))
      passages.push({
        id: `${article.slug}-p${index + 1}${parts.length > 1 ? `.${partIndex + 1}` : ''}`,
        articleSlug: article.slug,
        articleTitle: article.title,
        section: paragraph.section,
        paragraph: index + 1,
        part: partIndex + 1,
        text: paragraph.text.slice(part.start, part.end),
        sentences: info.sentences.filter(inside).map(shift),
        quotations,
        attributions,
        outlets: info.outlets,
        // A part names the people whose surname it holds.
        people: parts.length === 1 ? info.people : info.people.filter((person) => paragraph.text.slice(part.start, part.end).includes(person.name.split(/\s+/).at(-1) ?? person.name)),
        claims,
      })
    })
  })
  return passages
}

function mergeAttributions(first: Attribution[], rest: Attribution[]): Attribution[] {
  const merged: Attribution[] = []
  for (const attribution of [...first, ...rest]) {
    if (!merged.some((known) => known.speaker.name === attribution.speaker.name)) merged.push(attribution)
  }
  return merged
}
