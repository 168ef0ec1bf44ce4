import { describe, expect, it } from 'vitest'
import { keysAdjacent, typoCost } from '../../src/normalise/typoCost.ts'

describe('typoCost', () => {
  it('knows neighbouring keys', () => {
    expect(keysAdjacent('s', 'd')).toBe(true)
    expect(keysAdjacent('e', 'd')).toBe(true)
    expect(keysAdjacent('n', 'r')).toBe(false)
    expect(keysAdjacent('q', 'p')).toBe(false)
  })

  it.each([
    ['negotiatons', 'negotiations', 1],
    ['negotiatons', 'negotiators', 2],
    ['happend', 'happens', 1],
    ['teh', 'the', 1],
    ['cat', 'cart', 1],
    ['cart', 'cat', 1],
    ['abcd', 'dcba', 2],
  ])('%s for %s costs %i', (typed, intended, cost) => {
    expect(typoCost(typed, intended)).toBe(cost)
  })
})
