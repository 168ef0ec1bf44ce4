import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCorpus } from '../../src/corpus/loadCorpus.ts'
import { fixtureSets, loadSingleSet, wireFixtureSets } from '../../src/evaluation/suite.ts'
import { loadMainArticles } from '../engine/support.ts'

/**
 * tests/fixtures/eval-fresh: four wire-style articles and their questions, written
 * by someone who never saw the engine, kept out of `npm run train` so that they
 * stay a measure of articles the engine was never fitted on (see its README).
 */
const FRESH = join(import.meta.dirname, '../fixtures/eval-fresh')
const articles = loadCorpus(join(FRESH, 'articles'))
const files = readdirSync(FRESH).filter((name) => name.endsWith('.json'))

describe('the fresh held-out sets', () => {
  it('GIVEN the folder THEN one set per article', () => {
    expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual(articles.map((article) => article.slug).sort())
  })

  it.each(files)('GIVEN %s THEN every evidence string is verbatim in its own article, and it has unanswerable questions', (name) => {
    const { set } = loadSingleSet(join(FRESH, name), articles)
    const text = articles.find((article) => article.slug === name.replace(/\.json$/, ''))?.paragraphs.map((paragraph) => paragraph.text).join('\n') ?? ''
    for (const { evidence } of set.answerable) for (const quote of evidence) expect(text).toContain(quote)
    expect(set.unanswerable.length).toBeGreaterThan(0)
  })

  it('is never fitted on: npm run train reads other folders', () => {
    const corpus = loadMainArticles()
    const fitted = [...fixtureSets(corpus), ...wireFixtureSets(corpus)].map((entry) => entry.name)
    expect(fitted.length).toBeGreaterThan(0)
    for (const name of fitted) expect(name).not.toContain('eval-fresh')
  })
})
