import { describe, expect, it } from 'vitest'
import { editDistance, WordTrie } from '../../src/normalise/wordTrie.ts'

describe('WordTrie', () => {
  const words = ['negotiations', 'negotiators', 'ceasefire', 'minister', 'ministers', 'explosions', 'asif', 'said']
  const trie = new WordTrie(words)

  it('finds words one edit away: insertion, deletion, substitution, transposition', () => {
    expect(trie.search('ceasfire', 1)).toEqual([{ word: 'ceasefire', distance: 1 }])
    expect(trie.search('ministerr', 1).map((match) => match.word).sort()).toEqual(['minister', 'ministers'])
    expect(trie.search('explosoins', 1)).toEqual([{ word: 'explosions', distance: 1 }])
    expect(trie.search('asof', 1)).toEqual([{ word: 'asif', distance: 1 }])
  })

  it('honours the distance bound and sorts nearest first', () => {
    expect(trie.search('negotiatons', 1).map((match) => match.word).sort()).toEqual(['negotiations', 'negotiators'])
    expect(trie.search('negotatons', 1)).toEqual([])
    expect(trie.search('negotatons', 2).map((match) => match.distance)).toEqual([2, 2])
    expect(trie.search('minister', 1)[0]).toEqual({ word: 'minister', distance: 0 })
  })

  it('agrees with the plain edit distance on every word', () => {
    for (const query of ['ministr', 'saidd', 'negotaitions', 'xyz', 'asif']) {
      for (const max of [1, 2]) {
        const expected = words.filter((word) => editDistance(query, word) <= max).sort()
        expect(trie.search(query, max).map((match) => match.word).sort()).toEqual(expected)
      }
    }
  })

  it('counts distinct words', () => {
    expect(new WordTrie(['a', 'a', 'b']).size).toBe(2)
  })
})
