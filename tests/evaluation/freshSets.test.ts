import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../src/corpus/article.ts'
import { loadCorpus } from '../../src/corpus/loadCorpus.ts'
import { fixtureSets, loadSingleSet, wireFixtureSets } from '../../src/evaluation/suite.ts'
import { loadMainArticles } from '../engine/support.ts'

/**
 * The held-out sets, each written by someone who never saw the engine and kept
 * out of `npm run train`, so that they stay a measure of what the engine was
 * never fitted on (see each folder's README):
 * tests/fixtures/eval-fresh and eval-fresh-2, wire-style articles with their
 * questions (and, in the second, quote look-ups and attribution checks);
 * tests/fixtures/eval-casual-2, casual questions about corpus/'s article.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures')
const FRESH_FOLDERS = ['eval-fresh', 'eval-fresh-2']
const CASUAL = join(FIXTURES, 'eval-casual-2')

const textOf = (article: Article | undefined) => article?.paragraphs.map((paragraph) => paragraph.text).join('\n') ?? ''

function expectVerbatim(file: string, articles: Article[], text: string): void {
  const { set } = loadSingleSet(file, articles)
  for (const { evidence } of set.answerable) for (const quote of evidence) expect(text).toContain(quote)
  for (const { must_include_all } of set.quotes) for (const quote of must_include_all) expect(text).toContain(quote)
  for (const { quote, via } of set.attribution) {
    expect(text).toContain(quote)
    if (via) expect(text).toContain(via)
  }
  expect(set.unanswerable.length).toBeGreaterThan(0)
}

describe.each(FRESH_FOLDERS)('the fresh held-out sets in %s', (folder) => {
  const directory = join(FIXTURES, folder)
  const articles = loadCorpus(join(directory, 'articles'))
  const files = readdirSync(directory).filter((name) => name.endsWith('.json'))

  it('GIVEN the folder THEN one set per article', () => {
    expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual(articles.map((article) => article.slug).sort())
  })

  it.each(files)('GIVEN %s THEN every evidence, quote and attribution string is verbatim in its own article, and it has unanswerable questions', (name) => {
    expectVerbatim(join(directory, name), articles, textOf(articles.find((article) => article.slug === name.replace(/\.json$/, ''))))
  })
})

describe('the casual held-out set about the seed article', () => {
  it('GIVEN its questions THEN every evidence and quote string is verbatim in the article', () => {
    const corpus = loadMainArticles()
    expectVerbatim(join(CASUAL, 'istanbul-casual.json'), corpus, corpus.map(textOf).join('\n'))
  })
})

describe('held out', () => {
  it('is never fitted on: npm run train reads other folders', () => {
    const corpus = loadMainArticles()
    const fitted = [...fixtureSets(corpus), ...wireFixtureSets(corpus)].map((entry) => entry.name)
    expect(fitted.length).toBeGreaterThan(0)
    for (const name of fitted) {
      expect(name).not.toContain('eval-fresh')
      expect(name).not.toContain('eval-casual')
    }
  })
})
