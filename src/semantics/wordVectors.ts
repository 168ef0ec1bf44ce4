import { existsSync, readFileSync } from 'node:fs'
import { buildVectorCache, type BuildReport } from './buildVectorCache.ts'
import { type CacheHeader, decodeCache, type VectorTable } from './cacheFormat.ts'
import { DEFAULT_VECTOR_COUNT, type VectorCacheOptions, vectorCacheFile } from './cacheLocation.ts'
import { VectorCacheError, VectorSourceMissingError } from './errors.ts'
import { buildVocabularyMatrix, nearestRows, type Neighbour, type PrepareOptions, type VocabularyMatrix } from './vocabularyMatrix.ts'
import { resolveVectorSource, type VectorSource } from './vectorSource.ts'

export type { Neighbour, PrepareOptions, VocabularyMatrix } from './vocabularyMatrix.ts'

/**
 * GloVe word vectors of the most frequent English words (lower case), as int8.
 * Words are looked up as given, then lower-cased. Similarities are cosines of
 * the int8 vectors: within about 0.01 of the float cosine.
 */
export class WordVectors {
  readonly dimensions: number
  /** Words with vectors, most frequent first. */
  readonly words: readonly string[]
  readonly header: CacheHeader
  private readonly rows = new Map<string, number>()

  constructor(
    private readonly table: VectorTable,
    header: CacheHeader,
  ) {
    this.dimensions = table.dimensions
    this.words = table.words
    this.header = header
    table.words.forEach((word, row) => this.rows.set(word, row))
  }

  get size(): number {
    return this.words.length
  }

  private rowOf(word: string): number | undefined {
    return this.rows.get(word) ?? this.rows.get(word.toLowerCase())
  }

  has(word: string): boolean {
    return this.rowOf(word) !== undefined
  }

  /** 1 for the most frequent word ("the"), up to `size`; undefined when not among them. A general "how common" signal. */
  rank(word: string): number | undefined {
    const row = this.rowOf(word)
    return row === undefined ? undefined : row + 1
  }

  /** The int8 vector (a view into the cache: do not write to it). */
  vector(word: string): Int8Array | undefined {
    const row = this.rowOf(word)
    return row === undefined ? undefined : this.table.vectors.subarray(row * this.dimensions, (row + 1) * this.dimensions)
  }

  /** Cosine in [-1, 1]; undefined when either word has no vector. */
  similarity(a: string, b: string): number | undefined {
    const rowA = this.rowOf(a)
    const rowB = this.rowOf(b)
    if (rowA === undefined || rowB === undefined) return undefined
    if (rowA === rowB) return 1
    const { vectors, inverseNorms } = this.table
    const baseA = rowA * this.dimensions
    const baseB = rowB * this.dimensions
    let dot = 0
    for (let index = 0; index < this.dimensions; index++) dot += (vectors[baseA + index] as number) * (vectors[baseB + index] as number)
    return Math.max(-1, Math.min(1, dot * (inverseNorms[rowA] as number) * (inverseNorms[rowB] as number)))
  }

  /** A corpus vocabulary as one contiguous matrix; build it once per corpus, then call mostSimilar with it. */
  prepareVocabulary(words: Iterable<string>, options: PrepareOptions = {}): VocabularyMatrix {
    return buildVocabularyMatrix(this.table, (word) => this.rowOf(word), words, options)
  }

  /**
   * The candidates closest to `word` with cosine ≥ minSimilarity, best first
   * (the word itself, when a candidate, comes first with 1). A plain array is
   * prepared on each call: pass a VocabularyMatrix on hot paths.
   */
  mostSimilar(word: string, candidates: readonly string[] | VocabularyMatrix, minSimilarity = 0.6, limit = 10): Neighbour[] {
    const row = this.rowOf(word)
    if (row === undefined || limit <= 0) return []
    const matrix = isMatrix(candidates) ? candidates : this.prepareVocabulary(candidates)
    if (matrix.dimensions !== this.dimensions) throw new RangeError('the vocabulary was prepared from other vectors')
    const query = this.table.vectors.subarray(row * this.dimensions, (row + 1) * this.dimensions)
    return nearestRows(query, this.table.inverseNorms[row] as number, matrix, minSimilarity, limit)
  }
}

function isMatrix(candidates: readonly string[] | VocabularyMatrix): candidates is VocabularyMatrix {
  return !Array.isArray(candidates)
}

export interface LoadOptions extends VectorCacheOptions {
  /** Check the body's sha1 (a few ms for 50k words). Default true. */
  verify?: boolean
}

/** Loads a cache file as it is, without asking whether it is stale; throws VectorCacheError. */
export function loadWordVectors(options: LoadOptions = {}): WordVectors {
  const file = vectorCacheFile(options)
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    throw new VectorCacheError(`no word-vector cache at ${file}: run npm run vectors`)
  }
  const { header, table } = decodeCache(bytes, { verify: options.verify ?? true })
  return new WordVectors(table, header)
}

export type CacheState =
  | { status: 'fresh'; vectors: WordVectors; sourceMissing: boolean }
  | { status: 'missing' | 'stale' | 'corrupt'; reason: string }

const sameSource = (header: CacheHeader, source: VectorSource) =>
  header.source.packageName === source.packageName &&
  header.source.version === source.version &&
  header.source.size === source.size &&
  header.source.mtimeMs === source.mtimeMs

/**
 * What the cache holds, checked against the installed source (name, version,
 * size, mtime: one stat and one small read). When the source package is gone,
 * a well-formed cache is still used: it is a complete copy of what it was built from.
 */
export function readVectorCache(options: LoadOptions = {}): CacheState {
  let source: VectorSource | undefined
  try {
    source = resolveVectorSource(options)
  } catch (error) {
    if (!(error instanceof VectorSourceMissingError)) throw error
  }
  const file = vectorCacheFile(options)
  if (!existsSync(file)) return { status: 'missing', reason: `no word-vector cache at ${file}` }
  let vectors: WordVectors
  try {
    vectors = loadWordVectors(options)
  } catch (error) {
    if (!(error instanceof VectorCacheError)) throw error
    return { status: 'corrupt', reason: error.message }
  }
  const count = options.count ?? DEFAULT_VECTOR_COUNT
  if (vectors.header.requestedCount !== count) return { status: 'stale', reason: `the cache holds ${vectors.header.requestedCount} words, ${count} asked for` }
  if (source && !sameSource(vectors.header, source)) {
    const was = vectors.header.source
    return { status: 'stale', reason: `the source changed (${was.packageName}@${was.version}, ${was.size} bytes → ${source.packageName}@${source.version}, ${source.size} bytes)` }
  }
  return { status: 'fresh', vectors, sourceMissing: source === undefined }
}

/** The hot path at start-up: the vectors when a fresh cache exists, else undefined (never builds). */
export function loadWordVectorsIfCached(options: LoadOptions = {}): WordVectors | undefined {
  const state = readVectorCache(options)
  return state.status === 'fresh' ? state.vectors : undefined
}

export interface EnsureOptions extends LoadOptions {
  /** Told before a build starts, with why (to log "building word vectors…"). */
  onBuild?: (reason: string) => void
  /** Told after a build, with its figures. */
  onBuilt?: (report: BuildReport) => void
}

const building = new Map<string, Promise<WordVectors>>()

/**
 * The vectors, building the cache first when it is missing, stale or damaged.
 * Throws VectorSourceMissingError (one line: "… run npm install") when there
 * is neither a usable cache nor the package to build one from. Concurrent
 * calls in one process share one build.
 */
export async function ensureWordVectors(options: EnsureOptions = {}): Promise<WordVectors> {
  const state = readVectorCache(options)
  if (state.status === 'fresh') return state.vectors
  const file = vectorCacheFile(options)
  const pending = building.get(file)
  if (pending) return pending
  const build = (async () => {
    options.onBuild?.(state.reason)
    const report = await buildVectorCache(options)
    options.onBuilt?.(report)
    return loadWordVectors(options)
  })()
  building.set(file, build)
  try {
    return await build
  } finally {
    building.delete(file)
  }
}
