/** /ask remembers what the articles could not answer, as the engine read it, for /insights. */
import { describe, expect, it } from 'vitest'
import { commands } from '../../commands/index.ts'
import { InteractionRouter } from '../../src/interactions/router.ts'
import { MemoryStorage } from '../../src/storage/memoryStorage.ts'
import { commandInput, GUILD_ID, handlerContext } from './support.ts'

const router = new InteractionRouter(commands)
const EVER = { guildId: GUILD_ID, since: new Date(0) }

async function askWith(storage: MemoryStorage, question: string, options: Record<string, string> = {}) {
  return router.runCommand(commandInput('ask', { question, ...options }), { ...handlerContext(), storage, now: () => new Date('2026-06-01T00:00:00Z') })
}

describe('/ask and storage', () => {
  it('records an unanswered question normalised, with the article picked, and still answers', async () => {
    const storage = new MemoryStorage()
    const routed = await askWith(storage, 'who   won the football match??', { article: 'istanbul-talks' })
    expect(routed.outcome).toBe('ok')
    expect(routed.result.embeds.length + (routed.result.content ? 1 : 0)).toBeGreaterThan(0)
    const rows = await storage.unansweredQuestions(EVER)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ article: 'istanbul-talks', count: 1, lastAt: new Date('2026-06-01T00:00:00Z') })
    expect(rows[0]?.question).toMatch(/^who won the football match\?+$/)
  })

  it('records nothing for an answered question, nor for a greeting that asks nothing', async () => {
    const storage = new MemoryStorage()
    await askWith(storage, 'What did Khawaja Asif say?')
    await askWith(storage, 'hello!')
    expect(await storage.unansweredQuestions(EVER)).toEqual([])
    expect(await storage.commandCounts(EVER)).toEqual([{ command: 'ask', count: 2 }])
  })
})
