import { z } from 'zod'
import type { Engine } from '../engine/engine.ts'
import { scoreAttribution, type AttributionReport } from './attribution.ts'

/** The evaluation file format (`shared/eval/dev.json`). */
export const evalSetSchema = z.object({
  about: z.string().optional(),
  answerable: z.array(z.object({ q: z.string().min(1), evidence: z.array(z.string().min(1)).min(1) })),
  unanswerable: z.array(z.string()),
  /** An empty `must_include_all` means the look-up should find no quotation (someone the article never quotes). */
  quotes: z.array(z.object({ query: z.string(), must_include_all: z.array(z.string().min(1)) })).default([]),
  attribution: z.array(z.object({ quote: z.string().min(1), speaker: z.string().min(1), via: z.string().min(1).optional() })).default([]),
})

export type EvalSet = z.infer<typeof evalSetSchema>

/** Comparison form: lower case, straight quotes and dashes, folded white space. */
export function normaliseForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}

export function containsAny(text: string, evidence: string[]): boolean {
  const haystack = normaliseForMatch(text)
  return evidence.some((needle) => haystack.includes(normaliseForMatch(needle)))
}

export interface EvalMiss {
  kind: 'hit@1' | 'hit@3' | 'sentence' | 'abstained' | 'false-abstention' | 'quote' | 'attribution'
  item: string
  detail: string
}

export interface EvalReport {
  answerable: number
  hitAt1: number
  hitAt3: number
  sentenceHits: number
  falseAbstentions: number
  unanswerable: number
  abstained: number
  quotes: number
  quotesPassed: number
  attribution: AttributionReport
  misses: EvalMiss[]
}

/** Scores the engine on an evaluation set. A hit is a quoted passage holding an evidence string. */
export function evaluate(engine: Engine, set: EvalSet): EvalReport {
  const report: EvalReport = {
    answerable: set.answerable.length,
    hitAt1: 0,
    hitAt3: 0,
    sentenceHits: 0,
    falseAbstentions: 0,
    unanswerable: set.unanswerable.length,
    abstained: 0,
    quotes: set.quotes.length,
    quotesPassed: 0,
    attribution: { expected: 0, passed: 0, misses: [] },
    misses: [],
  }
  for (const { q, evidence } of set.answerable) {
    const result = engine.ask(q)
    if (!result.answered) {
      report.falseAbstentions++
      report.misses.push({ kind: 'false-abstention', item: q, detail: `abstained (${result.reason}${result.missing.length ? `: ${result.missing.join(', ')}` : ''})` })
      continue
    }
    const top = result.passages[0]
    if (top && containsAny(top.passage.text, evidence)) report.hitAt1++
    else report.misses.push({ kind: 'hit@1', item: q, detail: `top passage ${top?.passage.id}: ${top?.passage.text.slice(0, 90)}…` })
    if (result.passages.some((ranked) => containsAny(ranked.passage.text, evidence))) report.hitAt3++
    else report.misses.push({ kind: 'hit@3', item: q, detail: `none of ${result.passages.map((ranked) => ranked.passage.id).join(', ')}` })
    if (containsAny(result.answer.text, evidence)) report.sentenceHits++
    else report.misses.push({ kind: 'sentence', item: q, detail: `answer sentence: ${result.answer.text.slice(0, 100)}` })
  }
  for (const q of set.unanswerable) {
    const result = engine.ask(q)
    if (!result.answered) report.abstained++
    else report.misses.push({ kind: 'abstained', item: q, detail: `answered with ${result.answer.passageId}: ${result.answer.text.slice(0, 90)}` })
  }
  for (const { query, must_include_all } of set.quotes) {
    const result = engine.quote(query)
    const texts = result.quotes.map((quote) => quote.text)
    if (must_include_all.length === 0) {
      if (texts.length === 0) report.quotesPassed++
      else report.misses.push({ kind: 'quote', item: query, detail: `expected no quotation, got ${texts.length}: ${texts[0]?.slice(0, 60)}…` })
      continue
    }
    const absent = must_include_all.filter((needle) => !texts.some((text) => containsAny(text, [needle])))
    if (absent.length === 0) report.quotesPassed++
    else report.misses.push({ kind: 'quote', item: query, detail: `missing: ${absent.join(' | ')}` })
  }
  report.attribution = scoreAttribution(engine, set.attribution)
  for (const miss of report.attribution.misses) report.misses.push({ kind: 'attribution', item: miss.quote, detail: miss.detail })
  return report
}

export function formatReport(report: EvalReport): string {
  const lines = [
    `hit@1             ${report.hitAt1}/${report.answerable}`,
    `hit@3             ${report.hitAt3}/${report.answerable}`,
    `answer sentence   ${report.sentenceHits}/${report.answerable}`,
    `abstained         ${report.abstained}/${report.unanswerable}`,
    `false abstentions ${report.falseAbstentions}`,
    `quotes            ${report.quotesPassed}/${report.quotes}`,
    ...(report.attribution.expected > 0 ? [`attribution       ${report.attribution.passed}/${report.attribution.expected}`] : []),
  ]
  if (report.misses.length > 0) {
    lines.push('', 'misses:')
    for (const miss of report.misses) lines.push(`  [${miss.kind}] ${miss.item} — ${miss.detail}`)
  }
  return lines.join('\n')
}
