import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Article } from '../corpus/article.ts'
import { parseArticle } from '../corpus/parseArticle.ts'
import { evalSetSchema, type EvalSet } from './evalSet.ts'

/**
 * The evaluation suite: every labelled set found in an evaluation folder, each
 * with the articles it is scored against. Laid out as `shared/eval/` is:
 *
 *   dev*.json                  questions about the project's own corpus
 *   articles/NAME.json + .md   original development articles
 *   real/NAME/set.json + article.md   articles and questions written by others
 *
 * `real/*` and `articles/*` sets are scored with all their siblings loaded
 * beside the project's corpus, so that retrieval must also pick the article.
 */
export interface SuiteSet {
  /** Path relative to the evaluation folder, e.g. `real/squad2-normans`. */
  name: string
  set: EvalSet
  articles: Article[]
}

export interface Suite {
  sets: SuiteSet[]
  /** Every article the folder holds, for "everything loaded together" runs. */
  sharedArticles: Article[]
}

function readSet(file: string): EvalSet {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'))
  const parsed = evalSetSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${file}: field "${issue?.path.join('.')}": ${issue?.message}`)
  }
  return parsed.data
}

function readArticle(file: string, slug: string): Article {
  return parseArticle(readFileSync(file, 'utf8'), slug, file)
}

const jsonFiles = (directory: string) => (existsSync(directory) ? readdirSync(directory).filter((name) => name.endsWith('.json')).sort() : [])

/** The development sets live beside the project, not in it: only `npm run eval` and `npm run train` read them by default. */
export const SHARED_EVAL_DIR = fileURLToPath(new URL('../../../shared/eval/', import.meta.url))
/** The project's own labelled sets (held-out questions about corpus/), scored when the shared folder is absent. */
export const FIXTURE_EVAL_DIR = fileURLToPath(new URL('../../tests/fixtures/eval/', import.meta.url))
/** The project's labelled sets about its own wire-style test articles: `NAME.json` asks about the fixture article `NAME.md`. */
export const FIXTURE_WIRE_EVAL_DIR = fileURLToPath(new URL('../../tests/fixtures/eval-wire/', import.meta.url))
const FIXTURES_DIR = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url))

/** Reads the suite under `directory`; `corpus` is the project's own articles. */
export function loadSuite(directory: string, corpus: Article[]): Suite {
  const sets: SuiteSet[] = []
  for (const name of jsonFiles(directory)) sets.push({ name, set: readSet(join(directory, name)), articles: corpus })

  const articlesDir = join(directory, 'articles')
  const devArticles = jsonFiles(articlesDir)
    .filter((name) => existsSync(join(articlesDir, name.replace(/\.json$/, '.md'))))
    .map((name) => ({ name, article: readArticle(join(articlesDir, name.replace(/\.json$/, '.md')), basename(name, '.json')) }))
  for (const { name } of devArticles) {
    sets.push({ name: `articles/${name}`, set: readSet(join(articlesDir, name)), articles: [...corpus, ...devArticles.map(({ article }) => article)] })
  }

  const realDir = join(directory, 'real')
  const realNames = existsSync(realDir)
    ? readdirSync(realDir).filter((name) => existsSync(join(realDir, name, 'set.json')) && existsSync(join(realDir, name, 'article.md'))).sort()
    : []
  const realArticles = realNames.map((name) => readArticle(join(realDir, name, 'article.md'), name))
  for (const name of realNames) sets.push({ name: `real/${name}`, set: readSet(join(realDir, name, 'set.json')), articles: [...corpus, ...realArticles] })

  return { sets, sharedArticles: [...devArticles.map(({ article }) => article), ...realArticles] }
}

/** The project's own labelled sets, each scored against `corpus` (none when the folder is absent). */
export function fixtureSets(corpus: Article[]): SuiteSet[] {
  const seed = jsonFiles(FIXTURE_EVAL_DIR).map((name) => ({ ...loadSingleSet(join(FIXTURE_EVAL_DIR, name), corpus), name: `tests/fixtures/eval/${name}` }))
  return [...seed, ...wireFixtureSets(corpus)]
}

/**
 * The sets about the project's wire-style test articles, each scored as the
 * shared `articles/*` sets are: with every such article loaded beside corpus/.
 * A set's article is the fixture file of the same name, wherever it lies under tests/fixtures.
 */
export function wireFixtureSets(corpus: Article[]): SuiteSet[] {
  const names = jsonFiles(FIXTURE_WIRE_EVAL_DIR)
  if (names.length === 0) return []
  const folders = readdirSync(FIXTURES_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(FIXTURES_DIR, entry.name))
  const articles = names.map((name) => {
    const file = folders.map((folder) => join(folder, name.replace(/\.json$/, '.md'))).find((path) => existsSync(path))
    if (!file) throw new Error(`${join(FIXTURE_WIRE_EVAL_DIR, name)}: no article ${name.replace(/\.json$/, '.md')} under tests/fixtures`)
    return readArticle(file, basename(name, '.json'))
  })
  return names.map((name) => ({ name: `tests/fixtures/eval-wire/${name}`, set: readSet(join(FIXTURE_WIRE_EVAL_DIR, name)), articles: [...corpus, ...articles] }))
}

/** One set file scored against the project's corpus. */
export function loadSingleSet(file: string, corpus: Article[]): SuiteSet {
  return { name: file, set: readSet(file), articles: corpus }
}
