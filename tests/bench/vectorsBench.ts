import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { vectorCacheFile } from '../../src/semantics/cacheLocation.ts'
import { ensureWordVectors, loadWordVectors, loadWordVectorsIfCached, type VocabularyMatrix, type WordVectors } from '../../src/semantics/wordVectors.ts'
import { pick, row, seededRandom, timeEach } from './stats.ts'

export interface VectorsBenchOptions {
  /** Also time a first start with a cold cache: a build from the package into a temp folder, then a load. */
  coldBuild?: boolean
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`

/**
 * Word vectors: cache load, one question word against a corpus vocabulary
 * of 3k and 50k words (SIMD and plain JS kernels), beside a Set lookup of
 * the same words as the same-run baseline. Uses the project's cache (the
 * bench builds it when missing, and says so).
 */
export async function runVectorsBench(lines: string[], options: VectorsBenchOptions = {}): Promise<void> {
  lines.push('word vectors (src/semantics)')
  let vectors = loadWordVectorsIfCached()
  if (!vectors) {
    const started = performance.now()
    try {
      vectors = await ensureWordVectors()
    } catch (error) {
      lines.push(`  skipped: ${(error as Error).message}`)
      return
    }
    lines.push(`  cache was missing or stale: built and loaded in ${(performance.now() - started).toFixed(0)} ms`)
  }
  lines.push(`  cache: ${vectors.size} words × ${vectors.dimensions} int8 at ${vectorCacheFile()}`)

  const rssBefore = process.memoryUsage().rss
  const loads = Array.from({ length: 15 }, () => 0)
  lines.push(row('load the cache (sha1 checked)', timeEach(loads, () => loadWordVectors(), 3)))
  lines.push(row('load the cache (no sha1)', timeEach(loads, () => loadWordVectors({ verify: false }), 3)))
  globalThis.gc?.()
  lines.push(`  resident memory: ${mb(process.memoryUsage().rss)} (${mb(process.memoryUsage().rss - rssBefore)} after the loads above, garbage included)`)

  const random = seededRandom(5)
  const all = vectors.words
  const small = Array.from({ length: 3000 }, () => pick(random, all))
  // Question words: ordinary content words, not the most frequent function words.
  const queries = Array.from({ length: 2000 }, () => all[200 + Math.floor(random() * 19_800)] as string)

  for (const [label, words] of [['3k', small], ['50k', all]] as const) {
    const setBaseline = new Set(words)
    lines.push(row(`baseline: Set.has, ${label} vocabulary`, timeEach(queries, (word) => setBaseline.has(word))))
    // Same-size baseline: one pass summing as many bytes as the matrix holds, so a p99 that is scheduling noise shows here too.
    const bytes = new Int32Array((words.length * vectors.dimensions) / 4)
    let sink = 0
    lines.push(row(`baseline: sum ${mb(bytes.length * 4)} of int32 in JS`, timeEach(queries, () => {
      let sum = 0
      for (let index = 0; index < bytes.length; index++) sum += bytes[index] as number
      sink += sum
    })))
    if (sink !== 0) lines.push('  (baseline sum was not zero)')
    let matrix: VocabularyMatrix | undefined
    const prepared = timeEach([0], () => (matrix = vectors.prepareVocabulary(words)), 0)
    lines.push(row(`prepareVocabulary, ${label} words (${(matrix as VocabularyMatrix).kernelName})`, prepared))
    const plain = vectors.prepareVocabulary(words, { simd: false })
    lines.push(row(`mostSimilar ≥0.6, ${label} vocabulary, SIMD`, timeEach(queries, (word) => vectors.mostSimilar(word, matrix as VocabularyMatrix, 0.6, 10))))
    lines.push(row(`mostSimilar ≥0.6, ${label} vocabulary, JS`, timeEach(queries.slice(0, label === '50k' ? 300 : 2000), (word) => vectors.mostSimilar(word, plain, 0.6, 10), 50)))
  }
  lines.push(row('similarity(a, b)', timeEach(queries, (word) => vectors.similarity(word, 'government'))))

  if (options.coldBuild) lines.push(...(await coldStart(vectors)))
}

/** A first start with a cold cache: build from the installed package into a temp folder, then load. */
async function coldStart(warm: WordVectors): Promise<string[]> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'aqb-vectors-bench-'))
  try {
    const started = performance.now()
    let buildMs = 0
    const cold = await ensureWordVectors({ cacheDir, onBuilt: (report) => (buildMs = report.elapsedMs) })
    const total = performance.now() - started
    const same = cold.size === warm.size && cold.similarity('talks', 'negotiations') === warm.similarity('talks', 'negotiations')
    return [
      `  first start with a cold cache: ${total.toFixed(0)} ms (build ${buildMs.toFixed(0)} ms, then load; same vectors as the warm cache: ${same})`,
      `  peak RSS of this bench process so far: ${mb(process.resourceUsage().maxRSS * 1024)}`,
    ]
  } finally {
    rmSync(cacheDir, { recursive: true, force: true })
  }
}

// `npx tsx --expose-gc tests/bench/vectorsBench.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const lines: string[] = [`node ${process.version}, ${new Date().toISOString()}`, '']
  await runVectorsBench(lines, { coldBuild: process.argv.includes('--cold') })
  process.stdout.write(`${lines.join('\n')}\n`)
}
