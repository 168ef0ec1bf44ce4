import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Article } from '../corpus/article.ts'
import { buildPassages } from '../passages/buildPassages.ts'
import type { Passage } from '../passages/types.ts'
import { rememberEntityKinds, sentenceEntityKinds, type EntityKind } from '../search/entities.ts'
import { DEFAULT_VECTOR_CACHE_DIR } from '../semantics/cacheLocation.ts'
import { cacheDirFromEnvironment } from '../semantics/sharedVectors.ts'

/**
 * Reading an article (sentences, quotations, attribution, entities) needs the
 * compromise tagger, which costs more to load than everything else at start
 * together. What it read depends only on the article's text and on the code
 * that reads it, so it is kept on disk, outside git, keyed by both: an
 * unchanged article on unchanged code is read back instead of re-read. A
 * cache that cannot be read or written is simply not used.
 */
interface CachedAnalysis {
  passages: Passage[]
  /** Per passage, per sentence: the entity kinds the tagger found. */
  kinds: EntityKind[][][]
}

const FORMAT = 1

/** At most this many readings are kept; past it the oldest are removed down to PRUNED_TO. */
const MAX_FILES = 2_000
const PRUNED_TO = 1_500

let codeVersion: string | undefined

/** A digest of the code that reads articles (the passages folder and the entity tagger) and of compromise's version. */
function analysisCodeVersion(): string {
  if (codeVersion) return codeVersion
  const hash = createHash('sha256').update(`format ${FORMAT}\n`)
  const folders = [new URL('../passages/', import.meta.url), new URL('../search/', import.meta.url)]
  for (const folder of folders) {
    const path = fileURLToPath(folder)
    for (const name of readdirSync(path).filter((file) => /\.(?:ts|js)$/.test(file)).sort()) {
      if (folder.pathname.endsWith('/search/') && !name.startsWith('entities.')) continue
      hash.update(name).update(readFileSync(join(path, name)))
    }
  }
  try {
    const require = createRequire(import.meta.url)
    hash.update(String((require('compromise/package.json') as { version?: string }).version))
  } catch {
    hash.update('compromise ?')
  }
  return (codeVersion = hash.digest('hex').slice(0, 16))
}

function cacheFile(article: Article): string {
  const key = createHash('sha256').update(analysisCodeVersion()).update(JSON.stringify(article)).digest('hex').slice(0, 32)
  return join(cacheDirFromEnvironment() ?? DEFAULT_VECTOR_CACHE_DIR, 'analysis', `${article.slug}-${key}.json`)
}

function read(file: string): CachedAnalysis | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CachedAnalysis
    return Array.isArray(parsed.passages) && Array.isArray(parsed.kinds) && parsed.kinds.length === parsed.passages.length ? parsed : null
  } catch {
    return null
  }
}

function write(file: string, slug: string, analysis: CachedAnalysis): void {
  try {
    const folder = join(file, '..')
    mkdirSync(folder, { recursive: true })
    // An article's older readings (other text, other code) will not be asked for again.
    const older = new RegExp(`^${slug}-[0-9a-f]{32}\\.json$`)
    const names = readdirSync(folder)
    for (const name of names) if (older.test(name) && join(folder, name) !== file) rmSync(join(folder, name), { force: true })
    // Articles that left the corpus leave readings behind: past the cap, the least recently written go.
    if (names.length > MAX_FILES) {
      const byAge = names.map((name) => ({ name, at: statSync(join(folder, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => a.at - b.at)
      for (const { name } of byAge.slice(0, names.length - PRUNED_TO)) rmSync(join(folder, name), { force: true })
    }
    const partial = `${file}.${process.pid}.partial`
    writeFileSync(partial, JSON.stringify(analysis))
    renameSync(partial, file)
  } catch {
    // A read-only or full disk: the article is read again next time, nothing else changes.
  }
}

/** The article's passages, read back from the cache when its text and the reading code are unchanged, else read now and cached. */
export function analysedPassages(article: Article): Passage[] {
  const file = cacheFile(article)
  const cached = read(file)
  if (cached) {
    cached.passages.forEach((passage, position) => rememberEntityKinds(passage.text, cached.kinds[position] ?? []))
    return cached.passages
  }
  const passages = buildPassages(article)
  const kinds = passages.map((passage) => sentenceEntityKinds(passage.text, passage.sentences).map((sentence) => [...sentence]))
  write(file, article.slug, { passages, kinds })
  return passages
}
