import { describe, expect, it } from 'vitest'
import { fixtureSets, wireFixtureSets } from '../../src/evaluation/suite.ts'
import { loadMainArticles } from '../engine/support.ts'

/**
 * The labelled questions about the project's wire-style test articles
 * (tests/fixtures/eval-wire): each set finds its article among the fixtures,
 * is scored with all of them beside the corpus, and every evidence string is
 * verbatim in its own article, so that a hit can only mean the right paragraph.
 */
describe('the wire fixtures question sets', () => {
  const corpus = loadMainArticles()
  const sets = wireFixtureSets(corpus)

  it('GIVEN tests/fixtures/eval-wire THEN each set loads with every wire article beside the corpus', () => {
    expect(sets.length).toBeGreaterThanOrEqual(8)
    const slugs = sets.map((entry) => entry.name.replace(/^.*\//, '').replace(/\.json$/, ''))
    for (const entry of sets) {
      expect(entry.articles.slice(0, corpus.length)).toEqual(corpus)
      expect(entry.articles.slice(corpus.length).map((article) => article.slug)).toEqual(slugs)
    }
  })

  it.each(sets.map((entry) => [entry.name, entry] as const))('GIVEN %s THEN every evidence string is verbatim in its own article', (name, entry) => {
    const slug = name.replace(/^.*\//, '').replace(/\.json$/, '')
    const article = entry.articles.find((candidate) => candidate.slug === slug)
    expect(article).toBeDefined()
    const text = article?.paragraphs.map((paragraph) => paragraph.text).join('\n') ?? ''
    for (const { evidence } of entry.set.answerable) for (const quote of evidence) expect(text).toContain(quote)
    expect(entry.set.unanswerable.length).toBeGreaterThan(0)
  })

  it('GIVEN the project sets THEN train and the eval fallback see the wire sets too', () => {
    expect(fixtureSets(corpus).map((entry) => entry.name)).toEqual(expect.arrayContaining(sets.map((entry) => entry.name)))
  })
})
