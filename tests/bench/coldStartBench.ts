import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { row, summarise } from './stats.ts'

const PROJECT = fileURLToPath(new URL('../../', import.meta.url))
const CHILD = fileURLToPath(new URL('./coldStartChild.ts', import.meta.url))
const RUNS = 10

interface ColdStart {
  totalMs: number
  workMs: number
  importMs?: number
  vectorsMs?: number
  rssMb: number
}

function run(mode: 'engine' | 'baseline'): ColdStart {
  const output = execFileSync(process.execPath, ['--import', 'tsx', CHILD, mode], { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } })
  return JSON.parse(output.trim().split('\n').at(-1) as string) as ColdStart
}

/**
 * Cold start as the bot pays it, each run in a fresh process with the caches
 * (word vectors, dictionary) warm: loading them, reading the corpus, building
 * the engine and answering one question. Beside it, a fresh process indexing
 * the same paragraphs with plain MiniSearch.
 */
export function runColdStartBench(lines: string[]): void {
  lines.push('', '== Cold start, fresh processes, caches warm ==')
  run('engine')
  const engine = Array.from({ length: RUNS }, () => run('engine'))
  const baseline = Array.from({ length: RUNS }, () => run('baseline'))
  const work = summarise(engine.map((sample) => sample.workMs))
  lines.push(row('vectors + dictionary + corpus + engine + first ask', work, work.medianMs <= 300 ? 'target ≤ 300 ms (median): met' : 'target ≤ 300 ms (median): MISSED'))
  lines.push(row('  of which word vectors (cache read)', summarise(engine.map((sample) => sample.vectorsMs ?? 0))))
  lines.push(row('  module imports before that', summarise(engine.map((sample) => sample.importMs ?? 0))))
  lines.push(row('  baseline: plain MiniSearch over the same paragraphs', summarise(baseline.map((sample) => sample.workMs))))
  const rss = summarise(engine.map((sample) => sample.rssMb))
  lines.push(`resident memory after the first answer: median ${rss.medianMs.toFixed(0)} MB (target ≤ 250 MB: ${rss.medianMs <= 250 ? 'met' : 'MISSED'}); plain MiniSearch process ${summarise(baseline.map((sample) => sample.rssMb)).medianMs.toFixed(0)} MB`)
}
