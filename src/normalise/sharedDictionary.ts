import { cacheDirFromEnvironment } from '../semantics/sharedVectors.ts'
import { loadEnglishDictionary } from './dictionaryCache.ts'
import type { SpellChecker } from './englishDictionary.ts'

/**
 * The one English dictionary a process uses, loaded once (from its cache
 * outside git; the first start on a machine builds the cache). Null when the
 * dictionary package cannot be read: spelling is then corrected towards the
 * corpus's own words only.
 */
let shared: SpellChecker | null | undefined

export function sharedEnglishDictionary(): SpellChecker | null {
  if (shared !== undefined) return shared
  try {
    shared = loadEnglishDictionary({ cacheDir: cacheDirFromEnvironment() })
  } catch {
    shared = null
  }
  return shared
}
