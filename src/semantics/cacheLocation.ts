import { join } from 'node:path'
import { PROJECT_ROOT } from '../config/paths.ts'
import { CACHE_FORMAT_VERSION } from './cacheFormat.ts'
import type { VectorSourceOptions } from './vectorSource.ts'

/** The 50k most frequent words scored the same as all 341k in the team's trial. */
export const DEFAULT_VECTOR_COUNT = 50_000

/** Outside git and beside the package it is built from; VECTOR_CACHE_DIR moves it. */
export const DEFAULT_VECTOR_CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'article-quote-bot')

export interface VectorCacheOptions extends VectorSourceOptions {
  /** Folder of the cache file. Default DEFAULT_VECTOR_CACHE_DIR (the caller passes VECTOR_CACHE_DIR). */
  cacheDir?: string
  /** How many of the most frequent words to keep. Default DEFAULT_VECTOR_COUNT. */
  count?: number
}

/** The file name carries the format version and N, so caches of other layouts or sizes never clash. */
export function vectorCacheFile(options: VectorCacheOptions = {}): string {
  const count = options.count ?? DEFAULT_VECTOR_COUNT
  return join(options.cacheDir ?? DEFAULT_VECTOR_CACHE_DIR, `word-vectors-v${CACHE_FORMAT_VERSION}-${count}.bin`)
}
