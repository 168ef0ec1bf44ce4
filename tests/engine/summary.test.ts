import { describe, expect, it } from 'vitest'
import { UnknownArticleError, createEngine, type Engine } from '../../src/engine/engine.ts'
import { defaultSummaryOptions, summarise } from '../../src/engine/summary.ts'
import type { SummaryLength, SummaryResult } from '../../src/engine/types.ts'
import { MAIN_ARTICLE_SOURCE, MAIN_SLUG, WIRE_ARTICLE_SOURCE, WIRE_SLUG, inlineArticle, mainEngine, twoArticleEngine, wireEngine } from './support.ts'

const characters = (result: SummaryResult) => result.sentences.reduce((sum, sentence) => sum + sentence.text.length, 0)

const CASES: Array<[string, () => Engine, string | undefined, string, string]> = [
  ['Istanbul', mainEngine, undefined, MAIN_SLUG, MAIN_ARTICLE_SOURCE],
  ['wire fixture', wireEngine, undefined, WIRE_SLUG, WIRE_ARTICLE_SOURCE],
  ['wire fixture, chosen by slug among two', twoArticleEngine, WIRE_SLUG, WIRE_SLUG, WIRE_ARTICLE_SOURCE],
]
const LENGTHS: SummaryLength[] = ['short', 'full']
const TABLE = CASES.flatMap(([label, engine, article, slug, source]) => LENGTHS.map((length) => [label, length, engine, article, slug, source] as const))

describe('extractive summary', () => {
  it.each(TABLE)('GIVEN the %s article, %s THEN every sentence is verbatim from the article and cites a real passage of it', (_label, length, engine, article, slug, source) => {
    const result = engine().summary({ length, ...(article ? { article } : {}) })
    expect(result.article.slug).toBe(slug)
    expect(result.length).toBe(length)
    expect(result.sentences.length).toBeGreaterThan(0)
    for (const sentence of result.sentences) {
      expect(source).toContain(sentence.text)
      const passage = engine().passage(sentence.passageId)
      expect(passage?.articleSlug).toBe(slug)
      expect(passage?.sentences.map((candidate) => candidate.text)).toContain(sentence.text)
    }
  })

  it.each(TABLE)('GIVEN the %s article, %s THEN sentences are in article order, without repeats, within the budget', (_label, length, engine, article) => {
    const result = engine().summary({ length, ...(article ? { article } : {}) })
    const texts = result.sentences.map((sentence) => sentence.text)
    expect(new Set(texts).size).toBe(texts.length)
    const source = result.article.slug === MAIN_SLUG ? MAIN_ARTICLE_SOURCE : WIRE_ARTICLE_SOURCE
    const positions = texts.map((text) => source.indexOf(text))
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(texts.length).toBeLessThanOrEqual(defaultSummaryOptions.sentenceCounts[length])
    expect(characters(result)).toBeLessThanOrEqual(defaultSummaryOptions.maxChars[length])
  })

  it.each(CASES)('GIVEN the %s article THEN the short summary is no longer than the full one, and the full one stays within 1,500 characters', (_label, engine, article) => {
    const short = engine().summary({ length: 'short', ...(article ? { article } : {}) })
    const full = engine().summary({ length: 'full', ...(article ? { article } : {}) })
    expect(short.sentences.length).toBeLessThanOrEqual(full.sentences.length)
    expect(characters(short)).toBeLessThanOrEqual(characters(full))
    expect(characters(full)).toBeLessThanOrEqual(1_500)
  })

  it('GIVEN no article named THEN the first article of the corpus is summarised', () => {
    expect(twoArticleEngine().summary().article.slug).toBe(MAIN_SLUG)
  })

  it('GIVEN an unknown article slug THEN it throws UnknownArticleError naming it', () => {
    expect(() => mainEngine().summary({ article: 'no-such-article' })).toThrowError(UnknownArticleError)
    expect(() => mainEngine().summary({ article: 'no-such-article' })).toThrowError(/no-such-article/)
  })

  it('GIVEN the Istanbul article THEN no summary sentence is a bare quotation or leans on a pronoun', () => {
    for (const length of LENGTHS) {
      for (const { text } of mainEngine().summary({ length }).sentences) {
        expect(text).not.toMatch(/^(?:He|She|They|It)\b/)
        expect(text).not.toMatch(/^“[^”]*”$/)
        expect(text).not.toMatch(/:$/)
      }
    }
  })

  it.each([[150], [300], [600]])('GIVEN a character budget of %i THEN the chosen sentences fit in it', (budget) => {
    const passages = mainEngine().index.passages
    const result = summarise(passages, { length: 'full', maxChars: { short: budget, full: budget } })
    expect(characters(result)).toBeLessThanOrEqual(budget)
  })

  it('GIVEN a budget exactly the length of the one sentence chosen THEN that sentence still fits (the limit is inclusive)', () => {
    const passages = mainEngine().index.passages
    const [only] = summarise(passages, { length: 'short', sentenceCounts: { short: 1, full: 1 } }).sentences
    expect(only).toBeDefined()
    const atLimit = summarise(passages, { length: 'short', sentenceCounts: { short: 1, full: 1 }, maxChars: { short: only?.text.length ?? 0, full: 1_500 } })
    expect(atLimit.sentences).toEqual([only])
    const pastLimit = summarise(passages, { length: 'short', sentenceCounts: { short: 1, full: 1 }, maxChars: { short: (only?.text.length ?? 0) - 1, full: 1_500 } })
    expect(pastLimit.sentences.map((sentence) => sentence.text)).not.toContain(only?.text)
  })

  it('GIVEN no passages THEN summarise refuses rather than inventing a summary', () => {
    expect(() => summarise([])).toThrowError(/no passages/)
  })
})

describe('summary voices and introductions', () => {
  it('GIVEN the Istanbul article THEN the full summary carries the Information Minister’s verdict and the first mention of Asif says who he is', () => {
    const full = mainEngine().summary({ length: 'full' })
    expect(full.sentences.some((sentence) => sentence.text.includes('Tarar'))).toBe(true)
    const firstAsif = full.sentences.find((sentence) => /\bAsif\b/.test(sentence.text))
    const saysRole = firstAsif?.text.includes('Defence Minister') ?? false
    if (!saysRole) expect(firstAsif?.introduces).toContainEqual({ mention: 'Asif', label: expect.stringMatching(/^Khawaja Asif, Pakistan[’']s Defence Minister$/) })
  })

  it('GIVEN an introduction THEN it is beside the sentence: the sentence text stays verbatim and each person is introduced once', () => {
    for (const length of ['short', 'full'] as const) {
      const result = mainEngine().summary({ length })
      const introduced = result.sentences.flatMap((sentence) => sentence.introduces.map(({ label }) => label))
      expect(new Set(introduced).size).toBe(introduced.length)
      for (const sentence of result.sentences) {
        expect(MAIN_ARTICLE_SOURCE).toContain(sentence.text)
        for (const { mention } of sentence.introduces) expect(sentence.text).toContain(mention)
      }
    }
  })

  it('GIVEN a sentence that already names the role THEN no introduction is added', () => {
    const result = summarise(mainEngine().index.passages, { length: 'full' })
    const tarar = result.sentences.find((sentence) => sentence.text.includes('Information Minister Attaullah Tarar'))
    if (tarar) expect(tarar.introduces).toEqual([])
  })

  it('GIVEN the full summary of each article THEN it covers most sections (each section’s main development)', () => {
    for (const engine of [mainEngine(), wireEngine()]) {
      const passages = engine.index.passages
      const sections = new Set(passages.map((passage) => passage.section))
      const full = engine.summary({ length: 'full' })
      const covered = new Set(full.sentences.map((sentence) => engine.passage(sentence.passageId)?.section))
      expect(covered.size).toBeGreaterThanOrEqual(Math.min(full.sentences.length, sections.size) - 1)
    }
  })

  it.each([
    ['one short sentence', 'Rain fell.'],
    ['one bare quotation', '“We will see.”'],
    ['a heading-less note', 'Markets closed early on Friday. No reason was given.'],
  ])('GIVEN an article of %s THEN the summary is not empty and is verbatim', (_label, body) => {
    const engine = createEngine([inlineArticle(body, 'tiny')])
    for (const length of ['short', 'full'] as const) {
      const result = engine.summary({ length })
      expect(result.sentences.length).toBeGreaterThan(0)
      for (const sentence of result.sentences) expect(body).toContain(sentence.text)
    }
  })
})
