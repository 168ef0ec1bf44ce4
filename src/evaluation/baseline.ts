import MiniSearch from 'minisearch'
import type { Passage } from '../passages/types.ts'
import { containsAny, type EvalSet } from './evalSet.ts'

export interface BaselineReport {
  answerable: number
  hitAt1: number
  hitAt3: number
}

/**
 * Plain MiniSearch over the same passages, with its default options: the
 * floor the engine's own retrieval must clear. It never abstains.
 */
export function evaluateBaseline(passages: Passage[], set: EvalSet): BaselineReport {
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] })
  search.addAll(passages.map((passage, id) => ({ id, text: passage.text })))
  const report: BaselineReport = { answerable: set.answerable.length, hitAt1: 0, hitAt3: 0 }
  for (const { q, evidence } of set.answerable) {
    const top = search.search(q).slice(0, 3).map((result) => passages[result.id as number] as Passage)
    if (top[0] && containsAny(top[0].text, evidence)) report.hitAt1++
    if (top.some((passage) => containsAny(passage.text, evidence))) report.hitAt3++
  }
  return report
}
