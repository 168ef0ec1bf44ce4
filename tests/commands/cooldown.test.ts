import { describe, expect, it } from 'vitest'
import { Cooldown } from '../../src/interactions/cooldown.ts'

const use = (id: string, commandName = 'ask') => ({ commandName, user: { id, username: id } })

describe('Cooldown', () => {
  it('allows max uses in the window, then says how many whole seconds to wait', () => {
    let now = 0
    const cooldown = new Cooldown({ max: 5, windowMs: 10_000, commands: ['ask', 'quote'], now: () => now })
    for (let i = 0; i < 5; i++) expect(cooldown.secondsToWait(use('u', i % 2 ? 'quote' : 'ask'))).toBe(0)
    now = 2_500
    expect(cooldown.secondsToWait(use('u'))).toBe(8)
    expect(cooldown.secondsToWait(use('someone else'))).toBe(0)
    expect(cooldown.secondsToWait(use('u', 'summary'))).toBe(0)
    now = 10_001
    expect(cooldown.secondsToWait(use('u'))).toBe(0)
  })

  it('is off when max is 0', () => {
    const cooldown = new Cooldown({ max: 0, windowMs: 10_000, commands: ['ask'] })
    for (let i = 0; i < 100; i++) expect(cooldown.secondsToWait(use('u'))).toBe(0)
    expect(cooldown.users).toBe(0)
  })

  it('forgets idle users and never holds more than its capacity', () => {
    let now = 0
    const cooldown = new Cooldown({ max: 5, windowMs: 1_000, commands: ['ask'], capacity: 100, now: () => now })
    for (let i = 0; i < 1_000; i++) cooldown.secondsToWait(use(`user${i}`))
    expect(cooldown.users).toBe(100)
    now = 5_000
    cooldown.secondsToWait(use('late'))
    expect(cooldown.users).toBe(1)
  })
})
