import type { Engine } from '../engine/engine.ts'
import type { Quotation } from '../passages/types.ts'

/** One expected attribution: a distinctive piece of a quotation, who said it, and the outlet when the article names one. */
export interface ExpectedAttribution {
  quote: string
  /** The speaker's surname, or a role word for a role-only speaker ("spokesperson"), or a body's name ("Corvid"). */
  speaker: string
  /** Absent: the article names no outlet for this quotation, so none may be given. */
  via?: string | undefined
}

export interface AttributionMiss {
  quote: string
  detail: string
}

export interface AttributionReport {
  expected: number
  passed: number
  misses: AttributionMiss[]
}

/** Comparison form for names: lower case, straight apostrophes, letters and digits only. */
function nameWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim()
}

/** Every word of `expected` is a word of `actual` ("Arden Courier" in "the Arden Courier"). */
function wordsWithin(expected: string, actual: string): boolean {
  const have = new Set(nameWords(actual))
  return nameWords(expected).every((word) => have.has(word))
}

/**
 * Scores attribution: the quotation is found by its own words, and must name
 * the right speaker (the expected surname or role word among the speaker's
 * name and role; for a body or a role-only source, its affiliation too) and
 * exactly the expected outlet (none when none is expected).
 */
export function scoreAttribution(engine: Engine, expected: ExpectedAttribution[]): AttributionReport {
  const quotations: Quotation[] = engine.index.passages.flatMap((passage) => passage.quotations)
  const report: AttributionReport = { expected: expected.length, passed: 0, misses: [] }
  for (const item of expected) {
    const found = quotations.filter((quotation) => normalise(quotation.text).includes(normalise(item.quote)))
    if (found.length === 0) {
      report.misses.push({ quote: item.quote, detail: 'no quotation holds these words' })
      continue
    }
    const problems = found.map((quotation) => {
      const attribution = quotation.attribution
      if (!attribution) return 'no speaker'
      const { speaker, via } = attribution
      const fields = speaker.isPerson ? [speaker.name, speaker.role ?? ''] : [speaker.name, speaker.role ?? '', speaker.affiliation ?? '']
      if (!fields.some((field) => wordsWithin(item.speaker, field))) return `speaker ${speaker.name}${speaker.role ? ` (${speaker.role})` : ''}, expected ${item.speaker}`
      if (item.via === undefined && via) return `via ${via}, expected no outlet`
      if (item.via !== undefined && !(via && wordsWithin(item.via, via) && nameWords(via).length <= nameWords(item.via).length + 1)) return `via ${via ?? 'none'}, expected ${item.via}`
      return null
    })
    const problem = problems.find((entry) => entry !== null)
    if (problem === undefined || problems.some((entry) => entry === null)) report.passed++
    else report.misses.push({ quote: item.quote, detail: problem ?? 'wrong' })
  }
  return report
}
