import { readdirSync, readFileSync } from 'node:fs'
import { join, basename } from 'node:path'
import type { Article } from './article.ts'
import { CorpusError, parseArticle } from './parseArticle.ts'

const SLUG = /^[a-z0-9][a-z0-9-]*$/

/** Loads every `*.md` file in `directory`, in file-name order. */
export function loadCorpus(directory: string): Article[] {
  let names: string[]
  try {
    names = readdirSync(directory).filter((name) => name.endsWith('.md')).sort()
  } catch (error) {
    throw new CorpusError(`corpus directory ${directory} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  if (names.length === 0) throw new CorpusError(`corpus directory ${directory} has no *.md articles`)
  return names.map((name) => {
    const slug = basename(name, '.md')
    if (!SLUG.test(slug)) throw new CorpusError(`${name}: file name must be lower-case letters, digits and dashes (it becomes the passage id prefix)`)
    return parseArticle(readFileSync(join(directory, name), 'utf8'), slug, name)
  })
}
