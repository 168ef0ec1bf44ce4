/**
 * Shared test support for the engine and CLI suites: fixture paths, the raw
 * article texts used as oracles, and engines built once per test file.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Article } from '../../src/corpus/article.ts'
import { loadCorpus } from '../../src/corpus/loadCorpus.ts'
import { parseArticle } from '../../src/corpus/parseArticle.ts'
import { createEngine, type Engine } from '../../src/engine/engine.ts'
import type { Passage, Quotation } from '../../src/passages/types.ts'

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const MAIN_CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url))
/** The second, fictional wire article written for these tests. */
export const WIRE_CORPUS_DIR = fileURLToPath(new URL('../fixtures/wire-corpus/', import.meta.url))
export const BAD_CORPUS_DIR = fileURLToPath(new URL('../fixtures/bad-corpus/', import.meta.url))

export const MAIN_SLUG = 'istanbul-talks'
export const WIRE_SLUG = 'valdoria-budget'

/** The article files as written: the oracle for "verbatim" checks. */
export const MAIN_ARTICLE_SOURCE = readFileSync(`${MAIN_CORPUS_DIR}${MAIN_SLUG}.md`, 'utf8')
export const WIRE_ARTICLE_SOURCE = readFileSync(`${WIRE_CORPUS_DIR}${WIRE_SLUG}.md`, 'utf8')

let mainArticles: Article[] | undefined
let wireArticles: Article[] | undefined
let main: Engine | undefined
let wire: Engine | undefined
let both: Engine | undefined

export function loadMainArticles(): Article[] {
  return (mainArticles ??= loadCorpus(MAIN_CORPUS_DIR))
}

export function loadWireArticles(): Article[] {
  return (wireArticles ??= loadCorpus(WIRE_CORPUS_DIR))
}

/** The engine over the project's corpus (the Istanbul talks article). */
export function mainEngine(): Engine {
  return (main ??= createEngine(loadMainArticles()))
}

/** The engine over the fictional wire article only. */
export function wireEngine(): Engine {
  return (wire ??= createEngine(loadWireArticles()))
}

/** One engine over both articles, the main one first. */
export function twoArticleEngine(): Engine {
  return (both ??= createEngine([...loadMainArticles(), ...loadWireArticles()]))
}

/** An article from a Markdown body, for small hand-made cases. */
export function inlineArticle(body: string, slug = 'inline', title = 'Inline test article'): Article {
  return parseArticle(`---\ntitle: "${title}"\n---\n\n${body}\n`, slug)
}

/** The one passage whose text contains `phrase`; fails loudly when there is none or several. */
export function passageWith(engine: Engine, phrase: string): Passage {
  const found = engine.index.passages.filter((passage) => passage.text.includes(phrase))
  if (found.length !== 1) throw new Error(`expected one passage containing ${JSON.stringify(phrase)}, found ${found.length}`)
  return found[0] as Passage
}

/** The one quotation whose text contains `phrase` (or, among several, is exactly it), with its passage. */
export function quotationWith(engine: Engine, phrase: string): { quotation: Quotation; passage: Passage } {
  let found = engine.index.passages.flatMap((passage) => passage.quotations.filter((quotation) => quotation.text.includes(phrase)).map((quotation) => ({ quotation, passage })))
  if (found.length > 1) found = found.filter(({ quotation }) => quotation.text === phrase)
  if (found.length !== 1) throw new Error(`expected one quotation containing ${JSON.stringify(phrase)}, found ${found.length}`)
  return found[0] as { quotation: Quotation; passage: Passage }
}

/** Case- and space-insensitive containment, with curly quotes and dashes straightened. */
export function normalise(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/** Adds `marksPerLetter` combining marks after every letter ("zalgo" text). */
export function zalgo(text: string, marksPerLetter: number): string {
  const marks = ['\u0335', '\u0321', '\u0338', '\u0337', '\u0336', '\u0334', '\u0322', '\u031b']
  return [...text]
    .map((char, index) => (/\p{L}/u.test(char) ? char + Array.from({ length: marksPerLetter }, (_, k) => marks[(index + k) % marks.length]).join('') : char))
    .join('')
}
