import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Article } from './article.ts'
import { CorpusError, parseArticle } from './parseArticle.ts'

/** At most 80 characters: a slug travels in option values and button ids, which Discord caps at 100. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/
/** Articles added from Discord live in `guilds/<guild id>/`: that server's own. */
export const GUILDS_FOLDER = 'guilds'
const GUILD_ID = /^\d{17,20}$/

/** One article file and whose it is. */
export interface CorpusFile {
  path: string
  /** Relative to the corpus folder: what log lines and errors name. */
  relative: string
  slug: string
  owner: string | null
}

export interface CorpusRead {
  articles: Article[]
  /** One line per file skipped, naming the file and the field. */
  problems: string[]
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => entry.name)
    .sort()
}

/** Every `*.md` directly in the folder (shared), then each `guilds/<id>/*.md` (that server's). */
export function listCorpusFiles(directory: string): CorpusFile[] {
  let shared: string[]
  try {
    shared = markdownFiles(directory)
  } catch (error) {
    throw new CorpusError(`corpus directory ${directory} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  const files: CorpusFile[] = shared.map((name) => ({ path: join(directory, name), relative: name, slug: basename(name, '.md'), owner: null }))
  let guilds: string[] = []
  try {
    guilds = readdirSync(join(directory, GUILDS_FOLDER), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && GUILD_ID.test(entry.name))
      .map((entry) => entry.name)
      .sort()
  } catch {
    // No guilds/ folder: only shared articles.
  }
  for (const guild of guilds) {
    let names: string[] = []
    try {
      names = markdownFiles(join(directory, GUILDS_FOLDER, guild))
    } catch {
      continue
    }
    for (const name of names) {
      files.push({ path: join(directory, GUILDS_FOLDER, guild, name), relative: `${GUILDS_FOLDER}/${guild}/${name}`, slug: basename(name, '.md'), owner: guild })
    }
  }
  return files
}

/** Parsed articles by file, reused while the file's size and modification time stay the same. */
export type ArticleCache = Map<string, { stamp: string; article: Article }>

/** A file that became invalid, whose previous version is still used. */
class KeptPreviousVersion extends CorpusError {
  constructor(
    message: string,
    readonly article: Article,
  ) {
    super(`${message} (its previous version keeps serving)`)
  }
}

function readOne(file: CorpusFile, cache: ArticleCache | undefined): Article {
  if (!SLUG.test(file.slug)) throw new CorpusError(`${file.relative}: file name must be lower-case letters, digits and dashes, at most 80 (it becomes the slug and the passage id prefix)`)
  const stats = statSync(file.path)
  const stamp = `${stats.size}:${stats.mtimeMs}`
  const cached = cache?.get(file.path)
  if (cached && cached.stamp === stamp) return cached.article
  let parsed: Article
  try {
    parsed = parseArticle(readFileSync(file.path, 'utf8'), file.slug, file.relative)
  } catch (error) {
    // A live edit that broke a good file: its last good version keeps serving.
    if (cached && error instanceof CorpusError) throw new KeptPreviousVersion(error.message, cached.article)
    throw error
  }
  // Birth time where the file system records it, else the last change.
  const addedAt = stats.birthtimeMs > 0 ? stats.birthtimeMs : stats.mtimeMs
  const article: Article = { ...parsed, owner: file.owner, addedAt, file: file.relative }
  cache?.set(file.path, { stamp, article })
  return article
}

/**
 * Reads every article it can: a file that cannot be used is skipped with one
 * line naming it and the field, so one bad file never takes the others down.
 * Only an unreadable folder throws.
 */
export function readCorpus(directory: string, cache?: ArticleCache): CorpusRead {
  const articles: Article[] = []
  const problems: string[] = []
  const slugs = new Map<string, string>()
  for (const file of listCorpusFiles(directory)) {
    try {
      const taken = slugs.get(file.slug)
      // Passage ids start with the slug: two files with one slug would mix their passages.
      if (taken) throw new CorpusError(`${file.relative}: file name: the slug "${file.slug}" is already used by ${taken}`)
      articles.push(readOne(file, cache))
      slugs.set(file.slug, file.relative)
    } catch (error) {
      if (error instanceof KeptPreviousVersion) {
        articles.push(error.article)
        slugs.set(file.slug, file.relative)
      }
      if (error instanceof CorpusError) problems.push(error.message)
      else problems.push(`${file.relative}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
  }
  if (cache) {
    const live = new Set(articles.map((article) => article.file))
    for (const [path, entry] of cache) if (!live.has(entry.article.file)) cache.delete(path)
  }
  return { articles, problems }
}

/**
 * Loads the corpus for start-up: bad files are reported through `onProblem`
 * and skipped; a missing folder, or one without a usable article, throws.
 */
export function loadCorpus(directory: string, onProblem: (problem: string) => void = () => undefined, cache?: ArticleCache): Article[] {
  const { articles, problems } = readCorpus(directory, cache)
  if (articles.length > 0) for (const problem of problems) onProblem(problem)
  else {
    if (problems.length === 0) throw new CorpusError(`corpus directory ${directory} has no *.md articles`)
    throw new CorpusError(problems.length === 1 ? (problems[0] as string) : `corpus directory ${directory} has no usable article: ${problems.join('; ')}`)
  }
  return articles
}
