import type { Article } from '../corpus/article.ts'
import { createEngine, type Engine } from '../engine/engine.ts'
import { evaluateBaseline, type BaselineReport } from './baseline.ts'
import { evaluate, normaliseForMatch, type EvalReport } from './evalSet.ts'
import type { SuiteSet } from './suite.ts'

/** Key facts per article slug that a full summary should cover (`tests/fixtures/eval/summary-facts.json`). */
export type SummaryFacts = Record<string, string[]>

export interface ScoredSet {
  name: string
  /** Key facts the full summaries of the set's own articles cover, of those listed for them. */
  summaryFacts: { covered: number; listed: number }
  /** Number of articles loaded while scoring. */
  articles: number
  report: EvalReport
  baseline: BaselineReport
}

/**
 * Scores each set with an engine over its articles, beside plain MiniSearch over
 * the same passages. Sets sharing one article list share one engine.
 */
function coverFacts(engine: Engine, slugs: string[], facts: SummaryFacts): { covered: number; listed: number } {
  let covered = 0
  let listed = 0
  for (const slug of slugs) {
    const wanted = facts[slug]
    if (!wanted || !engine.articles().some((article) => article.slug === slug)) continue
    const text = normaliseForMatch(engine.summary({ article: slug, length: 'full' }).sentences.map((sentence) => sentence.text).join(' '))
    listed += wanted.length
    covered += wanted.filter((fact) => text.includes(normaliseForMatch(fact))).length
  }
  return { covered, listed }
}

export function scoreSets(sets: SuiteSet[], build: (articles: Article[]) => Engine = (articles) => createEngine(articles), facts: SummaryFacts = {}): ScoredSet[] {
  const engines = new Map<Article[], Engine>()
  return sets.map(({ name, set, articles }) => {
    let engine = engines.get(articles)
    if (!engine) engines.set(articles, (engine = build(articles)))
    // A set's own article: its file name for articles/* and real/*, the project's corpus for the dev sets.
    const own = name.replace(/^(?:articles|real)\//, '').replace(/\.json$/, '')
    const slugs = articles.some((article) => article.slug === own) ? [own] : articles.length > 0 ? [(articles[0] as Article).slug] : []
    return { name, articles: articles.length, report: evaluate(engine, set), baseline: evaluateBaseline(engine.index.passages, set), summaryFacts: coverFacts(engine, slugs, facts) }
  })
}

const ratio = (count: number, total: number) => (total === 0 ? '–' : `${count}/${total}`)

/** One row per set: the engine's figures, then MiniSearch's. */
export function formatScoreTable(scored: ScoredSet[], heading: string): string {
  const header = ['set', 'articles', 'hit@1', 'hit@3', 'sentence', 'abstained', 'false abst.', 'quotes', 'attribution', 'summary facts', 'MiniSearch hit@1', 'hit@3']
  const rows = scored.map(({ name, articles, report, baseline, summaryFacts }) => [
    name,
    String(articles),
    ratio(report.hitAt1, report.answerable),
    ratio(report.hitAt3, report.answerable),
    ratio(report.sentenceHits, report.answerable),
    ratio(report.abstained, report.unanswerable),
    ratio(report.falseAbstentions, report.answerable),
    ratio(report.quotesPassed, report.quotes),
    ratio(report.attribution.passed, report.attribution.expected),
    ratio(summaryFacts.covered, summaryFacts.listed),
    ratio(baseline.hitAt1, baseline.answerable),
    ratio(baseline.hitAt3, baseline.answerable),
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)))
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd()
  return [heading, line(header), ...rows.map(line)].join('\n')
}
