/**
 * The engine over the project's corpus (built once per test file), and an
 * independent reading of the article file: the oracle for paragraph numbers,
 * sections and verbatim text. No discord.js here, so pure presenter tests stay light.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadCorpus } from '../../src/corpus/loadCorpus.ts'
import { createEngine, type Engine } from '../../src/engine/engine.ts'

export const CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url))
export const ARTICLE_FILE = readFileSync(fileURLToPath(new URL('../../corpus/istanbul-talks.md', import.meta.url)), 'utf8')

let engine: Engine | undefined
/** `createEngine(loadCorpus(<project>/corpus))`, built once per test file. */
export function corpusEngine(): Engine {
  return (engine ??= createEngine(loadCorpus(CORPUS_DIR)))
}

// ---------------------------------------------------------------------------------------------
// The article, read independently of src/corpus
// ---------------------------------------------------------------------------------------------

const body = ARTICLE_FILE.replace(/^---\n[\s\S]*?\n---\n/, '')
const blocks = body
  .split(/\n\s*\n/)
  .map((block) => block.trim())
  .filter(Boolean)

/** The title from the front matter. */
export const ARTICLE_TITLE = /^title:\s*"(.+)"\s*$/m.exec(ARTICLE_FILE)?.[1] ?? ''
/** The `## ` headings, in order. */
export const ARTICLE_SECTIONS = blocks.filter((block) => /^#{1,6}\s/.test(block)).map((block) => block.replace(/^#{1,6}\s+/, ''))
/** The paragraphs (headings dropped), in order: paragraph n is `ARTICLE_PARAGRAPHS[n - 1]`. */
export const ARTICLE_PARAGRAPHS = blocks.filter((block) => !/^#{1,6}\s/.test(block)).map((block) => block.replace(/\s*\n\s*/g, ' '))

/** The heading each paragraph stands under (null before the first heading), by paragraph number - 1. */
export const ARTICLE_PARAGRAPH_SECTIONS: Array<string | null> = (() => {
  let section: string | null = null
  const sections: Array<string | null> = []
  for (const block of blocks) {
    if (/^#{1,6}\s/.test(block)) section = block.replace(/^#{1,6}\s+/, '')
    else sections.push(section)
  }
  return sections
})()

/** The 1-based numbers of the paragraphs that contain `text` verbatim. */
export function paragraphsContaining(text: string): number[] {
  return ARTICLE_PARAGRAPHS.flatMap((paragraph, index) => (paragraph.includes(text) ? [index + 1] : []))
}

/** Undoes Markdown escapes (`\*` → `*`). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\*_~`|>#\-[\]()])/g, '$1')
}
