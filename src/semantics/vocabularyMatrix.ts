import type { VectorTable } from './cacheFormat.ts'

/**
 * A corpus's words that have vectors, as one contiguous int8 matrix (row r is
 * `words[r]`), built once so that matching a question word is a single pass
 * over adjacent memory. Words without a vector are listed in `unknown`.
 */
export interface VocabularyMatrix {
  readonly dimensions: number
  readonly words: readonly string[]
  readonly rows: Int8Array
  readonly inverseNorms: Float32Array
  readonly unknown: readonly string[]
}

export interface Neighbour {
  word: string
  /** Cosine of the int8 vectors, in [-1, 1]. */
  similarity: number
}

/** Row of `word` in the table, or undefined; the lookup the matrix is built from. */
export type RowLookup = (word: string) => number | undefined

export function buildVocabularyMatrix(table: VectorTable, rowOf: RowLookup, words: Iterable<string>): VocabularyMatrix {
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
  const rows = new Int8Array(known.length * dimensions)
  const inverseNorms = new Float32Array(known.length)
  known.forEach((row, index) => {
    rows.set(table.vectors.subarray(row * dimensions, (row + 1) * dimensions), index * dimensions)
    inverseNorms[index] = table.inverseNorms[row] as number
  })
  return { dimensions, words: knownWords, rows, inverseNorms, unknown }
}

/**
 * Dot products of one int8 query with every row, into `out` (Int32Array of
 * rows.length / dimensions). Plain typed-array loops: V8 compiles these to
 * tight machine code, and int32 sums of int8 products are exact.
 */
export function dotAll(query: Int8Array, rows: Int8Array, dimensions: number, out: Int32Array): Int32Array {
  const count = out.length
  for (let row = 0, base = 0; row < count; row++, base += dimensions) {
    let sum = 0
    for (let index = 0; index < dimensions; index++) sum += (query[index] as number) * (rows[base + index] as number)
    out[row] = sum
  }
  return out
}

/**
 * The rows whose cosine with the query is at least `minSimilarity`, best
 * first, at most `limit`. The threshold is moved onto the integer dot product
 * (dot ≥ min / (invQuery × invRow)), so most rows cost one comparison.
 */
export function nearestRows(
  query: Int8Array,
  queryInverseNorm: number,
  matrix: VocabularyMatrix,
  minSimilarity: number,
  limit: number,
  scratch: Int32Array,
): Neighbour[] {
  const count = matrix.words.length
  const dots = dotAll(query, matrix.rows, matrix.dimensions, scratch.length >= count ? scratch.subarray(0, count) : new Int32Array(count))
  const found: Neighbour[] = []
  const { inverseNorms, words } = matrix
  for (let row = 0; row < count; row++) {
    const similarity = (dots[row] as number) * queryInverseNorm * (inverseNorms[row] as number)
    if (similarity >= minSimilarity) found.push({ word: words[row] as string, similarity: Math.min(1, similarity) })
  }
  found.sort((a, b) => b.similarity - a.similarity || (a.word < b.word ? -1 : 1))
  return found.length > limit ? found.slice(0, limit) : found
}
