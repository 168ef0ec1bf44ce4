import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/logging/logger.ts'
import { MemoryStorage } from '../../src/storage/memoryStorage.ts'
import { DAY_MS } from '../../src/storage/retention.ts'
import { SqliteStorage } from '../../src/storage/sqliteStorage.ts'
import { fireAndForgetRecords, startStorage } from '../../src/storage/storageRuntime.ts'

const folder = mkdtempSync(join(tmpdir(), 'bot-runtime-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function captureLogger() {
  const lines: Array<{ msg: string; [key: string]: unknown }> = []
  const logger = createLogger('info', { write: (line: string) => lines.push(JSON.parse(line)) })
  return { logger, lines }
}

describe('fireAndForgetRecords', () => {
  it('writes after the current turn, so no reply waits for it', async () => {
    const memory = new MemoryStorage()
    const storage = fireAndForgetRecords(memory, () => undefined)
    const written = storage.recordUnanswered({ guildId: null, question: 'q', article: null, at: new Date() })
    expect(await memory.unansweredQuestions({ guildId: null, since: new Date(0) })).toEqual([])
    await written
    expect(await memory.unansweredQuestions({ guildId: null, since: new Date(0) })).toHaveLength(1)
  })

  it('reports a failed write and never rejects', async () => {
    const failing = Object.assign(new MemoryStorage(), {
      recordCommandUse: async () => {
        throw new Error('disk full')
      },
    })
    const reported: string[] = []
    const storage = fireAndForgetRecords(failing, (error, what) => reported.push(`${what}: ${(error as Error).message}`))
    await expect(storage.recordCommandUse({ guildId: null, command: 'ask', at: new Date() })).resolves.toBeUndefined()
    expect(reported).toEqual(['a command use: disk full'])
  })
})

describe('startStorage', () => {
  it('purges what the moved clock puts past RETENTION_DAYS before the first interaction, with one log line', async () => {
    const dataDir = join(folder, 'purge')
    const seeded = new SqliteStorage(join(dataDir, 'bot.sqlite'))
    await seeded.recordUnanswered({ guildId: null, question: 'asked today', article: null, at: new Date() })
    await seeded.close()
    const { logger, lines } = captureLogger()
    const runtime = await startStorage({ DATA_DIR: dataDir, DATABASE_URL: undefined, RETENTION_DAYS: 30, TEST_CLOCK_OFFSET_DAYS: 31 }, logger)
    expect(runtime.now().getTime() - Date.now()).toBeGreaterThan(31 * DAY_MS - 60_000)
    expect(await runtime.storage.unansweredQuestions({ guildId: null, since: new Date(0) })).toEqual([])
    await runtime.close()
    expect(lines.map((line) => line.msg)).toEqual([`storage: SQLite at ${join(dataDir, 'bot.sqlite')}`, 'storage: purged 1 row(s) older than 30 days'])
  })

  it('keeps rows inside the retention period', async () => {
    const dataDir = join(folder, 'keep')
    const seeded = new SqliteStorage(join(dataDir, 'bot.sqlite'))
    await seeded.recordUnanswered({ guildId: null, question: 'asked today', article: null, at: new Date() })
    await seeded.close()
    const { logger } = captureLogger()
    const runtime = await startStorage({ DATA_DIR: dataDir, DATABASE_URL: undefined, RETENTION_DAYS: 30, TEST_CLOCK_OFFSET_DAYS: 29 }, logger)
    expect(await runtime.storage.unansweredQuestions({ guildId: null, since: new Date(0) })).toHaveLength(1)
    await runtime.close()
  })
})
