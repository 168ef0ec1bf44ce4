import { createReadStream } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { performance } from 'node:perf_hooks'
import { encodeCache, type VectorTable } from './cacheFormat.ts'
import { DEFAULT_VECTOR_COUNT, type VectorCacheOptions, vectorCacheFile } from './cacheLocation.ts'
import { EmbeddingsScanner } from './embeddingsScanner.ts'
import { VectorSourceFormatError } from './errors.ts'
import { quantiseInto } from './quantise.ts'
import { resolveVectorSource, type VectorSource } from './vectorSource.ts'

/** A token is a word when it has a letter or a digit: ",", "--" and "..." are dropped, "u.s." and "1990" kept. */
export function isWordToken(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token) && !/[\s\p{Cc}]/u.test(token)
}

export interface BuildReport {
  file: string
  source: VectorSource
  count: number
  dimensions: number
  bytes: number
  /** Entries of the source's `vectors` read: the scan stops once every kept word has its vector. */
  vectorsSeen: number
  /** Characters of the source read. */
  charactersRead: number
  elapsedMs: number
}

/**
 * Reads the source's frequency-ordered `words`, keeps the first N word tokens,
 * then streams `vectors` and quantises only those N, stopping as soon as all
 * have one (wink's file lists vectors in frequency order, so the 50k most
 * frequent are in its first sixth). Memory stays at a few MB beyond the
 * output (N × dimensions bytes). The file is written to a temporary name and
 * renamed, so a reader never sees half a cache and two builders cannot mix.
 */
export async function buildVectorCache(options: VectorCacheOptions = {}): Promise<BuildReport> {
  const started = performance.now()
  const wanted = options.count ?? DEFAULT_VECTOR_COUNT
  if (!Number.isInteger(wanted) || wanted < 1) throw new RangeError(`count must be a positive integer, got ${wanted}`)
  const source = resolveVectorSource(options)
  const file = vectorCacheFile(options)

  const slots = new Map<string, number>()
  let dimensions = 0
  let vectors = new Int8Array(0)
  let inverseNorms = new Float32Array(0)
  let filled = 0

  const scanner: EmbeddingsScanner = new EmbeddingsScanner({
    onNumber(key, value) {
      if (key === 'dimensions') dimensions = value
    },
    onWord(word) {
      if (slots.size < wanted && isWordToken(word) && !slots.has(word)) slots.set(word, slots.size)
    },
    onVectorsStart() {
      if (!Number.isInteger(dimensions) || dimensions < 1) throw new VectorSourceFormatError('"dimensions" must come before "vectors"')
      if (slots.size === 0) throw new VectorSourceFormatError('"words" must come before "vectors"')
      vectors = new Int8Array(slots.size * dimensions)
      inverseNorms = new Float32Array(slots.size)
    },
    wantVector: (word) => {
      const slot = slots.get(word)
      return slot !== undefined && inverseNorms[slot] === 0
    },
    onVector(word, values) {
      if (values.length < dimensions) throw new VectorSourceFormatError(`the vector of ${JSON.stringify(word)} has ${values.length} numbers, not ${dimensions}`)
      const slot = slots.get(word) as number
      inverseNorms[slot] = quantiseInto(values, dimensions, vectors, slot * dimensions)
      // An all-zero vector leaves the slot at 0 and is dropped below.
      if (inverseNorms[slot] !== 0 && ++filled === slots.size) scanner.stop()
    },
  })

  let charactersRead = 0
  const stream = createReadStream(source.file, { encoding: 'utf8', highWaterMark: 1 << 16 })
  for await (const chunk of stream) {
    charactersRead += (chunk as string).length
    scanner.push(chunk as string)
    if (scanner.done) break
  }
  scanner.end()
  if (slots.size === 0) throw new VectorSourceFormatError('no words found')

  const table = keepWordsWithVectors(slots, dimensions, vectors, inverseNorms)
  const bytes = encodeCache(
    { source: { packageName: source.packageName, version: source.version, size: source.size, mtimeMs: source.mtimeMs }, requestedCount: wanted, builtAt: new Date().toISOString() },
    table,
  )
  await mkdir(dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
  try {
    await writeFile(temporary, bytes)
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  return { file, source, count: table.words.length, dimensions, bytes: bytes.length, vectorsSeen: scanner.vectorsSeen, charactersRead, elapsedMs: performance.now() - started }
}

/** Drops words the source gave no usable vector, keeping frequency order. */
function keepWordsWithVectors(slots: Map<string, number>, dimensions: number, vectors: Int8Array, inverseNorms: Float32Array): VectorTable {
  const words: string[] = []
  for (const [word, slot] of slots) {
    if (inverseNorms[slot] === 0) continue
    const row = words.length
    if (row !== slot) {
      vectors.copyWithin(row * dimensions, slot * dimensions, (slot + 1) * dimensions)
      inverseNorms[row] = inverseNorms[slot] as number
    }
    words.push(word)
  }
  return { dimensions, words, vectors: vectors.subarray(0, words.length * dimensions), inverseNorms: inverseNorms.subarray(0, words.length) }
}
