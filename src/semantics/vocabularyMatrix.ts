import type { VectorTable } from './cacheFormat.ts'
import { copyRows, createSimdDotKernel, type DotKernel, type SourceRows } from './simdDotKernel.ts'

/**
 * A corpus's words that have vectors, as one contiguous int8 matrix (row r is
 * `words[r]`), built once so that matching a question word is a single pass
 * over adjacent memory: in WebAssembly SIMD where the runtime has it, else a
 * plain JS loop. Words without a vector are listed in `unknown`.
 */
export interface VocabularyMatrix {
  readonly dimensions: number
  readonly words: readonly string[]
  readonly inverseNorms: Float32Array
  readonly unknown: readonly string[]
  /** "simd" or "js": which kernel scores it (the bench prints it). */
  readonly kernelName: 'simd' | 'js'
  readonly kernel: DotKernel
}

export interface Neighbour {
  word: string
  /** Cosine of the int8 vectors, in [-1, 1]. */
  similarity: number
}

/** Row of `word` in the table, or undefined; the lookup the matrix is built from. */
export type RowLookup = (word: string) => number | undefined

export interface PrepareOptions {
  /** false forces the JS kernel (tests and the bench compare the two). Default: SIMD when available. */
  simd?: boolean
}

export function buildVocabularyMatrix(table: VectorTable, rowOf: RowLookup, words: Iterable<string>, options: PrepareOptions = {}): VocabularyMatrix {
  const { dimensions } = table
  const seen = new Set<string>()
  const known: number[] = []
  const knownWords: string[] = []
  const unknown: string[] = []
  for (const word of words) {
    if (seen.has(word)) continue
    seen.add(word)
    const row = rowOf(word)
    if (row === undefined) unknown.push(word)
    else {
      known.push(row)
      knownWords.push(word)
    }
  }
  const inverseNorms = Float32Array.from(known, (row) => table.inverseNorms[row] as number)
  const rows = { source: table.vectors, indices: Int32Array.from(known) }
  const simd = options.simd === false ? null : createSimdDotKernel(rows, dimensions)
  const kernel = simd ?? createJsDotKernel(rows, dimensions)
  return { dimensions, words: knownWords, inverseNorms, unknown, kernelName: simd ? 'simd' : 'js', kernel }
}

/** The fallback: typed-array loops, which V8 compiles tightly; int32 sums of int8 products are exact. */
export function createJsDotKernel(rows: SourceRows, dimensions: number): DotKernel {
  const count = rows.indices.length
  const matrix = new Int8Array(count * dimensions)
  copyRows(rows, dimensions, matrix, 0, dimensions)
  const out = new Int32Array(count)
  return {
    count,
    dots(query: Int8Array): Int32Array {
      for (let row = 0, base = 0; row < count; row++, base += dimensions) {
        let sum = 0
        for (let index = 0; index < dimensions; index++) sum += (query[index] as number) * (matrix[base + index] as number)
        out[row] = sum
      }
      return out
    },
  }
}

/**
 * The rows whose cosine with the query is at least `minSimilarity`, best
 * first (ties by word), at most `limit`. The best `limit` are kept in a small
 * sorted list as the rows stream past, so a common word with hundreds of
 * neighbours above the threshold makes no garbage beyond the answer.
 */
export function nearestRows(query: Int8Array, queryInverseNorm: number, matrix: VocabularyMatrix, minSimilarity: number, limit: number): Neighbour[] {
  const dots = matrix.kernel.dots(query)
  const { inverseNorms, words } = matrix
  const keep = Math.min(limit, dots.length)
  const topRows: number[] = []
  const topScores: number[] = []
  const before = (score: number, row: number, at: number) =>
    score > (topScores[at] as number) || (score === topScores[at] && (words[row] as string) < (words[topRows[at] as number] as string))
  for (let row = 0; row < dots.length; row++) {
    const score = (dots[row] as number) * queryInverseNorm * (inverseNorms[row] as number)
    if (score < minSimilarity) continue
    if (topRows.length === keep && !before(score, row, keep - 1)) continue
    let at = topRows.length === keep ? keep - 1 : topRows.length
    while (at > 0 && before(score, row, at - 1)) {
      topRows[at] = topRows[at - 1] as number
      topScores[at] = topScores[at - 1] as number
      at--
    }
    topRows[at] = row
    topScores[at] = score
  }
  return topRows.map((row, index) => ({ word: words[row] as string, similarity: Math.min(1, topScores[index] as number) }))
}
