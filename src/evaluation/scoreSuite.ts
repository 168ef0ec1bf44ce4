import type { Article } from '../corpus/article.ts'
import { createEngine, type Engine } from '../engine/engine.ts'
import { evaluateBaseline, type BaselineReport } from './baseline.ts'
import { evaluate, type EvalReport } from './evalSet.ts'
import type { SuiteSet } from './suite.ts'

export interface ScoredSet {
  name: string
  /** Number of articles loaded while scoring. */
  articles: number
  report: EvalReport
  baseline: BaselineReport
}

/**
 * Scores each set with an engine over its articles, beside plain MiniSearch over
 * the same passages. Sets sharing one article list share one engine.
 */
export function scoreSets(sets: SuiteSet[], build: (articles: Article[]) => Engine = (articles) => createEngine(articles)): ScoredSet[] {
  const engines = new Map<Article[], Engine>()
  return sets.map(({ name, set, articles }) => {
    let engine = engines.get(articles)
    if (!engine) engines.set(articles, (engine = build(articles)))
    return { name, articles: articles.length, report: evaluate(engine, set), baseline: evaluateBaseline(engine.index.passages, set) }
  })
}

const ratio = (count: number, total: number) => (total === 0 ? '–' : `${count}/${total}`)

/** One row per set: the engine's figures, then MiniSearch's. */
export function formatScoreTable(scored: ScoredSet[], heading: string): string {
  const header = ['set', 'articles', 'hit@1', 'hit@3', 'sentence', 'abstained', 'false abst.', 'quotes', 'attribution', 'MiniSearch hit@1', 'hit@3']
  const rows = scored.map(({ name, articles, report, baseline }) => [
    name,
    String(articles),
    ratio(report.hitAt1, report.answerable),
    ratio(report.hitAt3, report.answerable),
    ratio(report.sentenceHits, report.answerable),
    ratio(report.abstained, report.unanswerable),
    ratio(report.falseAbstentions, report.answerable),
    ratio(report.quotesPassed, report.quotes),
    ratio(report.attribution.passed, report.attribution.expected),
    ratio(baseline.hitAt1, baseline.answerable),
    ratio(baseline.hitAt3, baseline.answerable),
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)))
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd()
  return [heading, line(header), ...rows.map(line)].join('\n')
}
