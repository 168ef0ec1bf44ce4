import { describe, expect, it } from 'vitest'
import { CorpusVocabulary, wordKey } from '../../src/normalise/corpusVocabulary.ts'

describe('CorpusVocabulary', () => {
  const corpus = new CorpusVocabulary(['Pakistan’s Defence Minister Khawaja Asif said the TTP', 'Asif', 'negotiations', 'café'])

  it('knows words in any case, either spelling, with or without accents', () => {
    expect(corpus.has('asif')).toBe(true)
    expect(corpus.has('ASIF')).toBe(true)
    expect(corpus.has('defense')).toBe(true)
    expect(corpus.has('cafe')).toBe(true)
    expect(corpus.has('taliban')).toBe(false)
  })

  it('learns the base of a possessive', () => {
    expect(corpus.has("pakistan's")).toBe(true)
    expect(corpus.has('pakistan')).toBe(true)
  })

  it('counts occurrences, or takes counts given', () => {
    expect(corpus.count('asif')).toBe(2)
    expect(new CorpusVocabulary(new Map([['Talks', 7]])).count('talks')).toBe(7)
  })

  it('remembers what the corpus writes in capitals', () => {
    expect(corpus.isAcronym('ttp')).toBe(true)
    expect(corpus.isAcronym('asif')).toBe(false)
  })

  it('finds near words', () => {
    expect(corpus.near('negotiatons', 1)).toEqual([{ word: 'negotiations', distance: 1 }])
  })

  it('keys words in lower case without accents, with straight apostrophes', () => {
    expect(wordKey('Pakistan’s')).toBe("pakistan's")
    expect(wordKey('Café')).toBe('cafe')
  })
})
