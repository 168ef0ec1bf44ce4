/**
 * The storage port's contract: every adapter (memory, SQLite, PostgreSQL)
 * must give the same answers. Each adapter's test file calls `storageContract`
 * with a factory for a fresh, empty store.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startRetention, DAY_MS } from '../../src/storage/retention.ts'
import type { Storage, VoteRecord } from '../../src/storage/storage.ts'

export interface StoreUnderTest {
  storage: Storage
  /** Closes this store and opens the same data again; absent where nothing outlives the process (memory). */
  reopen?: () => Promise<Storage>
}

const GUILD = '111111111111111111'
const OTHER_GUILD = '222222222222222222'
const T0 = new Date('2026-03-01T12:00:00Z')
const at = (days: number) => new Date(T0.getTime() + days * DAY_MS)
const SINCE = at(-30)

function vote(overrides: Partial<VoteRecord> = {}): VoteRecord {
  return { guildId: GUILD, passageId: 'talks-p3', answerKey: 'answer-1', voterHash: 'voter-a', vote: 'up', at: T0, ...overrides }
}

export function storageContract(name: string, fresh: () => Promise<StoreUnderTest>, { persistent }: { persistent: boolean }): void {
  describe(`the storage port: ${name}`, () => {
    const opened: Storage[] = []
    const open = async () => {
      const store = await fresh()
      opened.push(store.storage)
      const reopen = store.reopen
      return { ...store, ...(reopen ? { reopen: async () => { const again = await reopen(); opened.push(again); return again } } : {}) }
    }
    afterEach(async () => {
      for (const storage of opened.splice(0)) await storage.close()
    })

    it('counts identical unanswered questions together, most asked first, each article apart', async () => {
      const { storage } = await open()
      for (const [question, article, day] of [
        ['who paid for the bridge', null, 0],
        ['when does the ferry run', 'harbour', 1],
        ['who paid for the bridge', null, 2],
        ['who paid for the bridge', 'harbour', 3],
      ] as const) await storage.recordUnanswered({ guildId: GUILD, question, article, at: at(-day) })
      expect(await storage.unansweredQuestions({ guildId: GUILD, since: SINCE })).toEqual([
        { question: 'who paid for the bridge', article: null, count: 2, lastAt: at(0) },
        { question: 'when does the ferry run', article: 'harbour', count: 1, lastAt: at(-1) },
        { question: 'who paid for the bridge', article: 'harbour', count: 1, lastAt: at(-3) },
      ])
    })

    it('counts only rows inside the window', async () => {
      const { storage } = await open()
      await storage.recordUnanswered({ guildId: GUILD, question: 'old question', article: null, at: at(-31) })
      await storage.recordUnanswered({ guildId: GUILD, question: 'new question', article: null, at: at(-29) })
      await storage.recordCommandUse({ guildId: GUILD, command: 'ask', at: at(-31) })
      await storage.recordCommandUse({ guildId: GUILD, command: 'quote', at: SINCE })
      expect((await storage.unansweredQuestions({ guildId: GUILD, since: SINCE })).map((row) => row.question)).toEqual(['new question'])
      expect(await storage.commandCounts({ guildId: GUILD, since: SINCE })).toEqual([{ command: 'quote', count: 1 }])
    })

    it('keeps one vote per voter per answer: up then down counts once, as down', async () => {
      const { storage } = await open()
      expect(await storage.recordVote(vote({ vote: 'up' }))).toBe('recorded')
      expect(await storage.recordVote(vote({ vote: 'down', at: at(0.01) }))).toBe('changed')
      expect(await storage.recordVote(vote({ vote: 'down', at: at(0.02) }))).toBe('unchanged')
      expect(await storage.votesByPassage({ guildId: GUILD, since: SINCE })).toEqual([{ passageId: 'talks-p3', up: 0, down: 1 }])
    })

    it('counts other voters and other answers separately, most 👎 first', async () => {
      const { storage } = await open()
      await storage.recordVote(vote({ voterHash: 'voter-a', vote: 'down' }))
      await storage.recordVote(vote({ voterHash: 'voter-b', vote: 'up' }))
      await storage.recordVote(vote({ answerKey: 'answer-2', voterHash: 'voter-a', vote: 'down' }))
      await storage.recordVote(vote({ answerKey: 'answer-3', passageId: 'talks-p7', vote: 'down' }))
      await storage.recordVote(vote({ answerKey: 'answer-4', passageId: 'talks-p9', vote: 'up' }))
      expect(await storage.votesByPassage({ guildId: GUILD, since: SINCE })).toEqual([
        { passageId: 'talks-p3', up: 1, down: 2 },
        { passageId: 'talks-p7', up: 0, down: 1 },
        { passageId: 'talks-p9', up: 1, down: 0 },
      ])
    })

    it('counts command uses by command, most used first', async () => {
      const { storage } = await open()
      for (const command of ['ask', 'quote', 'ask', 'summary', 'ask', 'quote']) await storage.recordCommandUse({ guildId: GUILD, command, at: T0 })
      expect(await storage.commandCounts({ guildId: GUILD, since: SINCE })).toEqual([
        { command: 'ask', count: 3 },
        { command: 'quote', count: 2 },
        { command: 'summary', count: 1 },
      ])
    })

    it('keeps guilds apart, and rows outside any guild apart from both', async () => {
      const { storage } = await open()
      await storage.recordUnanswered({ guildId: GUILD, question: 'mine', article: null, at: T0 })
      await storage.recordUnanswered({ guildId: OTHER_GUILD, question: 'theirs', article: null, at: T0 })
      await storage.recordUnanswered({ guildId: null, question: 'in a dm', article: null, at: T0 })
      await storage.recordVote(vote({ guildId: OTHER_GUILD, vote: 'down' }))
      await storage.recordCommandUse({ guildId: OTHER_GUILD, command: 'ask', at: T0 })
      expect((await storage.unansweredQuestions({ guildId: GUILD, since: SINCE })).map((row) => row.question)).toEqual(['mine'])
      expect((await storage.unansweredQuestions({ guildId: OTHER_GUILD, since: SINCE })).map((row) => row.question)).toEqual(['theirs'])
      expect((await storage.unansweredQuestions({ guildId: null, since: SINCE })).map((row) => row.question)).toEqual(['in a dm'])
      expect(await storage.votesByPassage({ guildId: GUILD, since: SINCE })).toEqual([])
      expect(await storage.commandCounts({ guildId: GUILD, since: SINCE })).toEqual([])
      expect(await storage.commandCounts({ guildId: OTHER_GUILD, since: SINCE })).toEqual([{ command: 'ask', count: 1 }])
    })

    it('purges what is older than the retention period, with an injected clock', async () => {
      const { storage } = await open()
      await storage.recordUnanswered({ guildId: GUILD, question: 'kept', article: null, at: at(-89) })
      await storage.recordUnanswered({ guildId: GUILD, question: 'expired', article: null, at: at(-91) })
      await storage.recordVote(vote({ answerKey: 'old-answer', vote: 'down', at: at(-100) }))
      await storage.recordVote(vote({ answerKey: 'new-answer', vote: 'up', at: at(-1) }))
      await storage.recordCommandUse({ guildId: GUILD, command: 'ask', at: at(-95) })
      const purged: number[] = []
      const retention = startRetention(storage, { days: 90, now: () => T0, onPurged: (removed) => purged.push(removed) })
      await retention.first
      retention.stop()
      expect(purged).toEqual([3])
      const longAgo = at(-1000)
      expect((await storage.unansweredQuestions({ guildId: GUILD, since: longAgo })).map((row) => row.question)).toEqual(['kept'])
      expect(await storage.votesByPassage({ guildId: GUILD, since: longAgo })).toEqual([{ passageId: 'talks-p3', up: 1, down: 0 }])
      expect(await storage.commandCounts({ guildId: GUILD, since: longAgo })).toEqual([])
      // The purged vote's hash went with it: the same voter on that answer is a first vote again.
      expect(await storage.recordVote(vote({ answerKey: 'old-answer', vote: 'down' }))).toBe('recorded')
    })

    // Only adapters whose data outlives the store (not memory) have this one.
    if (persistent) it('keeps everything across a reopen', async () => {
      const store = await open()
      if (!store.reopen) throw new Error('a persistent adapter under test needs reopen')
      await store.storage.recordUnanswered({ guildId: GUILD, question: 'still here', article: 'harbour', at: T0 })
      await store.storage.recordVote(vote({ vote: 'up' }))
      await store.storage.recordCommandUse({ guildId: GUILD, command: 'ask', at: T0 })
      const again = await store.reopen()
      expect(await again.unansweredQuestions({ guildId: GUILD, since: SINCE })).toEqual([{ question: 'still here', article: 'harbour', count: 1, lastAt: T0 }])
      expect(await again.commandCounts({ guildId: GUILD, since: SINCE })).toEqual([{ command: 'ask', count: 1 }])
      // The vote is remembered: the same voter changing their mind is a change, not a second vote.
      expect(await again.recordVote(vote({ vote: 'down' }))).toBe('changed')
      expect(await again.votesByPassage({ guildId: GUILD, since: SINCE })).toEqual([{ passageId: 'talks-p3', up: 0, down: 1 }])
    })
  })
}
