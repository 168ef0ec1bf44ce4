import { describe, expect, it } from 'vitest'
import { isShouting, lowerShouting } from '../../src/normalise/casing.ts'

describe('lowerShouting', () => {
  const isCorpusAcronym = (word: string) => ['ttp', 'afp'].includes(word.toLowerCase())

  it('lower-cases a question typed in capitals, keeping the corpus acronyms', () => {
    expect(lowerShouting('WHAT DID ASIF SAY ABOUT THE TTP?', { isCorpusAcronym })).toBe('what did asif say about the TTP?')
  })

  it('leaves ordinary text with acronyms alone', () => {
    expect(lowerShouting('What did the TTP say to AFP?', { isCorpusAcronym })).toBe('What did the TTP say to AFP?')
    expect(isShouting('who is the TTP')).toBe(false)
    expect(isShouting('TTP')).toBe(false)
  })

  it('lower-cases an emphasised word the corpus writes in lower case, not an unknown acronym', () => {
    const isCorpusWord = (word: string) => ['asif', 'ttp'].includes(word.toLowerCase())
    expect(lowerShouting('what did ASIF say about the TTP and NATO', { isCorpusAcronym, isCorpusWord })).toBe('what did asif say about the TTP and NATO')
  })
})
