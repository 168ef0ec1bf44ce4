/**
 * Hunspell's American English dictionary (dictionary-en, through nspell) as a
 * plain list of every word form it accepts, cached outside git.
 *
 * Why a cache: building nspell from dictionary-en takes about 100 ms and
 * 50 MB, a third of the bot's cold-start budget. The list it expands to
 * (about 120,000 forms, 1.2 MB) loads in about 20 ms. The list is data
 * derived from a package, so it is never committed: it is built at first
 * start into node_modules/.cache/article-quote-bot (beside the vector cache;
 * `cacheDir` moves it) and rebuilt whenever dictionary-en or nspell change
 * (their versions and file sizes are in the file's first line). A cache that
 * cannot be written is not an error: the list is then built in memory each
 * start. The result is the same either way, so answers never depend on it.
 */
import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { z } from 'zod'
import { PROJECT_ROOT } from '../config/paths.ts'
import { writeCacheFile } from '../semantics/cacheFile.ts'
import { wordListDictionary, type SpellChecker } from './englishDictionary.ts'

export const DICTIONARY_CACHE_FORMAT = 2
export const DEFAULT_DICTIONARY_CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'article-quote-bot')

const sourceSchema = z.object({
  dictionaryVersion: z.string(),
  nspellVersion: z.string(),
  affBytes: z.number(),
  dicBytes: z.number(),
})
const headerSchema = z.object({
  format: z.literal(DICTIONARY_CACHE_FORMAT),
  source: sourceSchema,
  words: z.number(),
  names: z.number(),
  noSuggest: z.array(z.string()),
  builtAt: z.string(),
})
type DictionarySource = z.infer<typeof sourceSchema>

export interface DictionaryCacheOptions {
  /** Folder of the cache file. Default DEFAULT_DICTIONARY_CACHE_DIR. */
  cacheDir?: string
  /** Folder of a Hunspell dictionary (index.aff, index.dic); default the installed dictionary-en. */
  dictionaryDir?: string
}

export interface EnglishWords {
  /** Every accepted form the dictionary has in lower case ("iran" is not one), no digits, sorted (code-unit order), no repeats. */
  words: string[]
  /** Forms it has only capitalised (names: "Iran", "Asia"), lower-cased, sorted: known, never suggested. */
  names: string[]
  /** Forms Hunspell marks NOSUGGEST (known, never offered). */
  noSuggest: string[]
  /** 'cache': read from the cache file; 'built': expanded by nspell this time (and cached when possible). */
  from: 'cache' | 'built'
  file: string
  /** Why the cache was not used, when it was not (missing, stale, unreadable, unwritable). */
  note?: string
  ms: number
}

const require = createRequire(import.meta.url)

function packageVersion(packageDir: string): string {
  const parsed = z.object({ version: z.string() }).safeParse(JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')))
  return parsed.success ? parsed.data.version : 'unknown'
}

function locate(options: DictionaryCacheOptions): { dictionaryDir: string; source: DictionarySource } {
  let dictionaryDir = options.dictionaryDir
  let nspellDir: string
  try {
    dictionaryDir ??= dirname(require.resolve('dictionary-en'))
    nspellDir = dirname(dirname(require.resolve('nspell')))
  } catch {
    throw new Error('The English dictionary is missing: run `npm install` (it needs the packages dictionary-en and nspell).')
  }
  let affBytes: number
  let dicBytes: number
  try {
    affBytes = statSync(join(dictionaryDir, 'index.aff')).size
    dicBytes = statSync(join(dictionaryDir, 'index.dic')).size
  } catch {
    throw new Error(`No Hunspell dictionary (index.aff and index.dic) in ${dictionaryDir}: run \`npm install\`.`)
  }
  return {
    dictionaryDir,
    source: {
      dictionaryVersion: options.dictionaryDir ? 'custom' : packageVersion(dictionaryDir),
      nspellVersion: packageVersion(nspellDir),
      affBytes,
      dicBytes,
    },
  }
}

export function dictionaryCacheFile(cacheDir = DEFAULT_DICTIONARY_CACHE_DIR): string {
  return join(cacheDir, `english-words-v${DICTIONARY_CACHE_FORMAT}.txt`)
}

type WordTable = { words: string[]; names: string[]; noSuggest: string[] }

/** nspell expands every affix of every entry into its table at construction: those keys are the accepted forms. */
function expandWithNspell(dictionaryDir: string): WordTable {
  // Required only here, so a warm start never loads nspell at all.
  const nspell = require('nspell') as typeof import('nspell')
  const spell = nspell({ aff: readFileSync(join(dictionaryDir, 'index.aff')), dic: readFileSync(join(dictionaryDir, 'index.dic')) })
  return tableOf(spell)
}

function tableOf(spell: object): WordTable {
  const internal = spell as { data?: unknown; flags?: { NOSUGGEST?: unknown } }
  if (typeof internal.data !== 'object' || internal.data === null) {
    throw new Error('nspell no longer exposes its word table (nspell@2 does): pin nspell to 2.x')
  }
  const noSuggestFlag = typeof internal.flags?.NOSUGGEST === 'string' ? internal.flags.NOSUGGEST : undefined
  const lowerForms = new Set<string>()
  const otherForms = new Set<string>()
  const noSuggest = new Set<string>()
  const data = internal.data as Record<string, unknown>
  // Object.keys, not entries: no pair array per form (the table holds about 120,000).
  for (const form of Object.keys(data)) {
    if (/\d/.test(form)) continue
    const codes = data[form]
    const lower = form.toLowerCase()
    if (form === lower) lowerForms.add(lower)
    else otherForms.add(lower)
    if (noSuggestFlag && Array.isArray(codes) && codes.includes(noSuggestFlag)) noSuggest.add(lower)
  }
  return {
    words: [...lowerForms].sort(),
    names: [...otherForms].filter((word) => !lowerForms.has(word)).sort(),
    noSuggest: [...noSuggest].sort(),
  }
}

function readCache(file: string, source: DictionarySource): WordTable | string {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return 'no cache yet'
  }
  const headerEnd = text.indexOf('\n')
  let header: z.infer<typeof headerSchema>
  try {
    header = headerSchema.parse(JSON.parse(text.slice(0, headerEnd)))
  } catch {
    return 'the cache file is damaged or of another format'
  }
  if (JSON.stringify(header.source) !== JSON.stringify(source)) return 'the dictionary package changed since the cache was built'
  // One split, no per-line work: the body is the sorted common words, then the sorted names.
  const lines = text.slice(headerEnd + 1).split('\n')
  if (lines.length !== header.words + header.names) return 'the cache file is truncated'
  return { words: lines.slice(0, header.words), names: lines.slice(header.words), noSuggest: header.noSuggest }
}

function writeCache(file: string, source: DictionarySource, table: WordTable): string | undefined {
  const header = {
    format: DICTIONARY_CACHE_FORMAT,
    source,
    words: table.words.length,
    names: table.names.length,
    noSuggest: table.noSuggest,
    builtAt: new Date().toISOString(),
  }
  return writeCacheFile(file, `${JSON.stringify(header)}\n${[...table.words, ...table.names].join('\n')}`)
}

/** The dictionary's word forms: from the cache when it is current, else expanded with nspell and cached. */
export function loadEnglishWords(options: DictionaryCacheOptions = {}): EnglishWords {
  const started = performance.now()
  const { dictionaryDir, source } = locate(options)
  const file = dictionaryCacheFile(options.cacheDir)
  const cached = readCache(file, source)
  if (typeof cached !== 'string') return { ...cached, from: 'cache', file, ms: performance.now() - started }
  const built = expandWithNspell(dictionaryDir)
  const unwritable = writeCache(file, source, built)
  return { ...built, from: 'built', file, note: unwritable ?? cached, ms: performance.now() - started }
}

/** The English dictionary for the spelling stage (see loadEnglishWords for where it comes from). */
export function loadEnglishDictionary(options: DictionaryCacheOptions = {}): SpellChecker & { info: Omit<EnglishWords, 'words' | 'names' | 'noSuggest'> } {
  const { words, names, noSuggest, ...info } = loadEnglishWords(options)
  return { ...wordListDictionary(words, { noSuggest, names, sorted: true }), info }
}
