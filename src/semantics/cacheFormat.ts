import { createHash } from 'node:crypto'
import { z } from 'zod'
import { VectorCacheError } from './errors.ts'

/**
 * The binary cache file, version 1 (all little-endian):
 *
 *   "AQBWVEC\n"            8 bytes, magic
 *   u32                    byte length of the header
 *   header                 UTF-8 JSON (CacheHeader)
 *   padding to 8
 *   vectors                count × dimensions int8, row r is word r
 *   padding to 4
 *   inverse norms          count float32: 1 / |row| of the int8 row
 *   words                  UTF-8, joined by "\n", most frequent first
 *
 * Bump CACHE_FORMAT_VERSION whenever this layout or the quantisation changes:
 * the version is in the file name and the header, so an old file is rebuilt.
 */
export const CACHE_FORMAT_VERSION = 1
const MAGIC = Buffer.from('AQBWVEC\n', 'latin1')

export const QUANTISATION =
  'int8, symmetric, one scale per vector: q = round(127 * v / max|v|); cosine(a, b) = (qa · qb) / (|qa| |qb|)'

const headerSchema = z.object({
  format: z.literal(CACHE_FORMAT_VERSION),
  quantisation: z.string(),
  source: z.object({ packageName: z.string(), version: z.string(), size: z.number(), mtimeMs: z.number() }),
  /** N asked for; `count` can be lower when the source has fewer words with vectors. */
  requestedCount: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  dimensions: z.number().int().positive(),
  wordsByteLength: z.number().int().nonnegative(),
  /** sha1 of everything after the header, so a damaged file is noticed, not used. */
  bodySha1: z.string(),
  builtAt: z.string(),
})

export type CacheHeader = z.infer<typeof headerSchema>

/** Word vectors in memory: row r of `vectors` (and `inverseNorms[r]`) belongs to `words[r]`. */
export interface VectorTable {
  dimensions: number
  words: string[]
  vectors: Int8Array
  inverseNorms: Float32Array
}

const align = (offset: number, to: number) => Math.ceil(offset / to) * to

interface Layout {
  vectorsStart: number
  normsStart: number
  wordsStart: number
  end: number
}

function layout(bodyStart: number, count: number, dimensions: number, wordsByteLength: number): Layout {
  const vectorsStart = bodyStart
  const normsStart = align(vectorsStart + count * dimensions, 4)
  const wordsStart = normsStart + count * 4
  return { vectorsStart, normsStart, wordsStart, end: wordsStart + wordsByteLength }
}

export function encodeCache(
  header: Omit<CacheHeader, 'format' | 'quantisation' | 'wordsByteLength' | 'bodySha1' | 'count' | 'dimensions'>,
  table: VectorTable,
): Buffer {
  if (table.words.some((word) => word.includes('\n'))) throw new VectorCacheError('a cached word cannot contain a line break')
  const words = Buffer.from(table.words.join('\n'), 'utf8')
  const count = table.words.length
  const bodyPlan = layout(0, count, table.dimensions, words.length)
  const body = Buffer.alloc(bodyPlan.end)
  body.set(new Uint8Array(table.vectors.buffer, table.vectors.byteOffset, count * table.dimensions), bodyPlan.vectorsStart)
  body.set(new Uint8Array(table.inverseNorms.buffer, table.inverseNorms.byteOffset, count * 4), bodyPlan.normsStart)
  body.set(words, bodyPlan.wordsStart)
  const fullHeader: CacheHeader = {
    format: CACHE_FORMAT_VERSION,
    quantisation: QUANTISATION,
    ...header,
    count,
    dimensions: table.dimensions,
    wordsByteLength: words.length,
    bodySha1: createHash('sha1').update(body).digest('hex'),
  }
  const headerBytes = Buffer.from(JSON.stringify(fullHeader), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32LE(headerBytes.length)
  const bodyStart = align(MAGIC.length + 4 + headerBytes.length, 8)
  const padding = Buffer.alloc(bodyStart - (MAGIC.length + 4 + headerBytes.length))
  return Buffer.concat([MAGIC, length, headerBytes, padding, body])
}

const corrupt = (detail: string) => new VectorCacheError(`the word-vector cache is unreadable (${detail}); it will be rebuilt`)

/** The header alone (for staleness checks); throws VectorCacheError. */
export function decodeCacheHeader(file: Buffer): { header: CacheHeader; bodyStart: number } {
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw corrupt('not a cache file')
  const headerLength = file.readUInt32LE(MAGIC.length)
  const headerEnd = MAGIC.length + 4 + headerLength
  if (headerEnd > file.length) throw corrupt('truncated header')
  let json: unknown
  try {
    json = JSON.parse(file.toString('utf8', MAGIC.length + 4, headerEnd))
  } catch {
    throw corrupt('damaged header')
  }
  const parsed = headerSchema.safeParse(json)
  if (!parsed.success) throw corrupt('another format version or a damaged header')
  return { header: parsed.data, bodyStart: align(headerEnd, 8) }
}

/**
 * Views over the file's bytes (no copy of the vectors). With `verify` the body's
 * sha1 is checked, which notices damage that leaves the length intact.
 */
export function decodeCache(file: Buffer, options: { verify?: boolean } = {}): { header: CacheHeader; table: VectorTable } {
  const { header, bodyStart } = decodeCacheHeader(file)
  const plan = layout(bodyStart, header.count, header.dimensions, header.wordsByteLength)
  if (file.length !== plan.end) throw corrupt(`expected ${plan.end} bytes, found ${file.length}`)
  if (options.verify !== false && createHash('sha1').update(file.subarray(bodyStart)).digest('hex') !== header.bodySha1) {
    throw corrupt('checksum mismatch')
  }
  // Float32Array needs a 4-byte-aligned offset; a Buffer from the pool may not give one.
  const bytes = file.byteOffset % 8 === 0 ? file : Buffer.from(file)
  const vectors = new Int8Array(bytes.buffer, bytes.byteOffset + plan.vectorsStart, header.count * header.dimensions)
  const inverseNorms = new Float32Array(bytes.buffer, bytes.byteOffset + plan.normsStart, header.count)
  const words = header.count === 0 ? [] : bytes.toString('utf8', plan.wordsStart, plan.end).split('\n')
  if (words.length !== header.count) throw corrupt('word list does not match the vectors')
  return { header, table: { dimensions: header.dimensions, words, vectors, inverseNorms } }
}
