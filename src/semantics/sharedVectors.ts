import { z } from 'zod'
import { loadAntonyms, type WordNetRelations } from './antonyms.ts'
import { ensureWordVectors, loadWordVectorsIfCached, type WordVectors } from './wordVectors.ts'

/** VECTOR_CACHE_DIR: where the word-vector and dictionary caches live (default node_modules/.cache/article-quote-bot). */
const cacheDirSchema = z.string().trim().min(1).optional().catch(undefined)

export function cacheDirFromEnvironment(): string | undefined {
  return cacheDirSchema.parse(process.env.VECTOR_CACHE_DIR || undefined)
}

/**
 * The one set of word vectors a process uses, read from the cache once.
 * `prepareWordVectors` (at start-up, before the engine) builds a missing or
 * stale cache; engines built afterwards pick the vectors up from here.
 */
let shared: WordVectors | null | undefined

export function sharedWordVectors(): WordVectors | null {
  if (shared === undefined) shared = loadWordVectorsIfCached({ cacheDir: cacheDirFromEnvironment() }) ?? null
  return shared
}

/**
 * Builds the cache when it is missing or stale, telling `log` in one line
 * each; when it cannot be built (the package is gone), says so in one line and
 * the engine answers without meaning-based matching.
 */
export async function prepareWordVectors(log: (line: string) => void): Promise<WordVectors | null> {
  if (shared) return shared
  try {
    shared = await ensureWordVectors({
      cacheDir: cacheDirFromEnvironment(),
      onBuild: (reason) => log(`building the word-vector cache (${reason}); this happens once`),
      onBuilt: (report) => log(`word-vector cache built in ${(report.elapsedMs / 1000).toFixed(1)} s: ${report.count} words, ${(report.bytes / 1e6).toFixed(1)} MB at ${report.file}`),
    })
  } catch (error) {
    log(`${(error as Error).message.split('\n')[0]} — answering without word vectors`)
    shared = null
  }
  return shared
}

/**
 * The one set of WordNet relations a process uses, antonym pairs, phrasal
 * verbs and related forms, loaded once (from their cache outside git; the first start builds it
 * in about half a second). Empty when WordNet cannot be read: soft matching then
 * keeps opposites and phrasal verbs meet only their own verb, as before.
 */
let sharedWordNet: WordNetRelations | undefined

function wordNet(): WordNetRelations {
  if (sharedWordNet !== undefined) return sharedWordNet
  try {
    sharedWordNet = loadAntonyms({ cacheDir: cacheDirFromEnvironment() })
  } catch {
    sharedWordNet = { pairs: [], phrasalVerbs: [], relatedForms: [] }
  }
  return sharedWordNet
}

export function sharedAntonymPairs(): ReadonlyArray<readonly [string, string]> {
  return wordNet().pairs
}

/** WordNet's phrasal verbs with their one-word meanings (phrasalVerbs.ts). */
export function sharedPhrasalVerbEntries(): ReadonlyArray<readonly [string, readonly string[]]> {
  return wordNet().phrasalVerbs
}

/** WordNet's related forms, a word and the one it pertains to ("swedish", "sweden"; relatedForms.ts). */
export function sharedRelatedFormPairs(): ReadonlyArray<readonly [string, string]> {
  return wordNet().relatedForms
}
