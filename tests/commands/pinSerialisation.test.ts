import { describe, expect, it } from 'vitest'
import { keepNewestPin } from '../../src/interactions/keepNewestPin.ts'
import { KeyedSerialiser } from '../../src/interactions/keyedSerialiser.ts'
import { InMemoryChannel } from './inMemoryChannel.ts'
import { notice } from '../../src/presenters/discord/notice.ts'

const BOT = '1300000000000000001'
const FOOTER = 'summary'

describe('KeyedSerialiser', () => {
  it('runs work for one key one at a time, other keys alongside, and forgets idle keys', async () => {
    const queue = new KeyedSerialiser()
    const log: string[] = []
    let release = () => undefined as void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const a1 = queue.run('a', async () => {
      log.push('a1 start')
      await gate
      log.push('a1 end')
    })
    const a2 = queue.run('a', async () => void log.push('a2'))
    const b1 = queue.run('b', async () => void log.push('b1'))
    await b1
    expect(log).toEqual(['a1 start', 'b1'])
    release()
    await Promise.all([a1, a2])
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2'])
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(queue.size).toBe(0)
  })

  it('keeps going after a failure', async () => {
    const queue = new KeyedSerialiser()
    await expect(queue.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(queue.run('a', async () => 'next')).resolves.toBe('next')
  })
})

describe('keepNewestPin', () => {
  const summary = () => ({ ...notice('s', { ephemeral: false }), embeds: [{ footer: { text: FOOTER } }] }) as never
  const isSummary = (pin: { authorId: string; footers: string[] }) => pin.authorId === BOT && pin.footers.includes(FOOTER)

  it('GIVEN two runs that both pinned (as two processes would) THEN both checks keep the newest, and the older copy is deleted', async () => {
    const channel = new InMemoryChannel('c', BOT)
    const older = (await channel.post(summary())).id
    const newer = (await channel.post(summary())).id
    await channel.pin(older)
    await channel.pin(newer)
    const [first, second] = await Promise.all([keepNewestPin(channel, older, isSummary), keepNewestPin(channel, newer, isSummary)])
    expect(first).toEqual({ kept: newer, ours: false })
    expect(second).toEqual({ kept: newer, ours: true })
    expect(channel.pins.map((pin) => pin.id)).toEqual([newer])
    expect([...channel.posted.keys()]).toEqual([newer])
  })

  it('GIVEN an older summary pinned before the run THEN it is unpinned but not deleted', async () => {
    const channel = new InMemoryChannel('c', BOT)
    const previous = (await channel.post(summary())).id
    await channel.pin(previous)
    const own = (await channel.post(summary())).id
    await channel.pin(own)
    expect(await keepNewestPin(channel, own, isSummary, [previous])).toEqual({ kept: own, ours: true })
    expect(channel.pins.map((pin) => pin.id)).toEqual([own])
    expect(channel.posted.has(previous)).toBe(true)
  })
})
