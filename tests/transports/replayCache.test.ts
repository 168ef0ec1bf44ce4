import { describe, expect, it } from 'vitest'
import { ReplayCache } from '../../src/transports/http/replayCache.ts'

describe('ReplayCache', () => {
  it('refuses an id seen before, until it expires', () => {
    let now = 0
    const cache = new ReplayCache(1_000, 10, () => now)
    expect(cache.remember('a')).toBe(true)
    expect(cache.remember('a')).toBe(false)
    now = 999
    expect(cache.remember('a')).toBe(false)
    now = 1_001
    expect(cache.remember('a')).toBe(true)
  })

  it('never holds more than its capacity, dropping the oldest first', () => {
    const cache = new ReplayCache(60_000, 3, () => 0)
    for (const id of ['a', 'b', 'c', 'd']) expect(cache.remember(id)).toBe(true)
    expect(cache.size).toBe(3)
    expect(cache.remember('d')).toBe(false)
    expect(cache.remember('a')).toBe(true)
  })

  it('drops expired ids as it goes, so a quiet cache shrinks', () => {
    let now = 0
    const cache = new ReplayCache(100, 1_000, () => now)
    for (let i = 0; i < 50; i++) cache.remember(`id${i}`)
    now = 200
    cache.remember('late')
    expect(cache.size).toBe(1)
  })
})
