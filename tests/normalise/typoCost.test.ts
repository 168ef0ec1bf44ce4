import { describe, expect, it } from 'vitest'
import { isPlausibleSlip, keysAdjacent, slipBetween, typoCost } from '../../src/normalise/typoCost.ts'

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
    ['cart', 'cat', 1.5],
    ['imran', 'iran', 2],
    ['abcd', 'dcba', 2],
  ])('%s for %s costs %d', (typed, intended, cost) => {
    expect(typoCost(typed, intended)).toBe(cost)
  })

  it.each([
    ['statment', 'statement', 'dropped'],
    ['explosoins', 'explosions', 'swapped'],
    ['assif', 'asif', 'doubled'],
    ['tje', 'the', 'neighbour key'],
    ['seperate', 'separate', 'vowel'],
    ['asdif', 'asif', 'extra neighbour'],
    ['imran', 'iran', 'other'],
    ['modi', 'mode', 'vowel'],
    ['abc', 'xyz', 'other'],
  ])('%s for %s is a %s slip', (typed, intended, slip) => {
    expect(slipBetween(typed, intended)).toBe(slip)
  })

  it('lets short words only drop, swap or double a letter', () => {
    expect(isPlausibleSlip('wher', 'where')).toBe(true)
    expect(isPlausibleSlip('asfi', 'asif')).toBe(true)
    expect(isPlausibleSlip('modi', 'mode')).toBe(false)
    expect(isPlausibleSlip('sunak', 'sunk')).toBe(false)
    expect(isPlausibleSlip('goverment', 'government')).toBe(true)
    expect(isPlausibleSlip('seperate', 'separate')).toBe(true)
    expect(isPlausibleSlip('imrann', 'iran')).toBe(false)
  })
})
