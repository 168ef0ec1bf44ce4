import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { commands } from '../../commands/index.ts'
import { DEFAULT_CORPUS_DIR } from '../../src/config/paths.ts'
import { buildInsightsReport } from '../../src/insights/insightsReport.ts'
import { InteractionRouter } from '../../src/interactions/router.ts'
import type { HandlerContext } from '../../src/interactions/types.ts'
import { loadEngine } from '../../src/loadEngine.ts'
import { sharedWordVectors } from '../../src/semantics/sharedVectors.ts'
import { MemoryStorage } from '../../src/storage/memoryStorage.ts'
import { SqliteStorage } from '../../src/storage/sqliteStorage.ts'
import type { Storage } from '../../src/storage/storage.ts'
import { fireAndForgetRecords } from '../../src/storage/storageRuntime.ts'
import { pick, row, seededRandom, summarise } from './stats.ts'

/**
 * Storage's costs beside same-run baselines: an unanswered /ask through the
 * router with SQLite recording (fire and forget, as the transports wire it)
 * next to the same with no storage; a single SQLite write; and the /insights
 * report over a month of rows (grouping included), SQLite next to memory.
 * `npx tsx --expose-gc tests/bench/storageBench.ts` prints it alone.
 */

const GUILD = '222222222222222222'
const FRAMES = ['who won the {} match', 'when does the {} open', 'how much did the {} cost', 'why was the {} closed', 'where is the new {}']
const THINGS = ['football', 'museum', 'stadium', 'bridge', 'library', 'airport', 'harbour', 'railway', 'hospital', 'theatre', 'market', 'festival']

async function timeEachAsync<T>(inputs: readonly T[], run: (input: T) => Promise<unknown>, warmup = 50) {
  for (const input of inputs.slice(0, warmup)) await run(input)
  globalThis.gc?.()
  const samples: number[] = []
  for (const input of inputs) {
    const started = performance.now()
    await run(input)
    samples.push(performance.now() - started)
  }
  return summarise(samples)
}

export async function runStorageBench(lines: string[]): Promise<void> {
  lines.push('== Storage (src/storage, /insights) ==')
  const folder = mkdtempSync(join(tmpdir(), 'storage-bench-'))
  const engine = loadEngine(DEFAULT_CORPUS_DIR)
  const router = new InteractionRouter(commands)
  const random = seededRandom(11)
  const questions = Array.from({ length: 400 }, () => pick(random, FRAMES).replace('{}', pick(random, THINGS)))
  const input = (question: string) => ({ user: { id: '1', username: 'u' }, guildId: GUILD, channelId: null, memberPermissions: null, appPermissions: null, locale: 'en-GB', commandName: 'ask', options: { question } })
  const ask = (storage?: Storage) => (question: string) => router.runCommand(input(question), { engine, channel: null, botUserId: '0', ...(storage ? { storage } : {}) } satisfies HandlerContext)
  try {
    lines.push(row('  baseline: unanswered /ask, no storage', await timeEachAsync(questions, ask())))
    const sqlite = new SqliteStorage(join(folder, 'ask', 'bot.sqlite'))
    const recording = fireAndForgetRecords(sqlite, (error) => {
      throw error
    })
    lines.push(row('  unanswered /ask, SQLite recording', await timeEachAsync(questions, ask(recording)), 'target: within 10% of the baseline (recording is off the reply path)'))
    await new Promise((resolve) => setImmediate(resolve))
    const at = new Date()
    lines.push(row('  SQLite recordUnanswered (awaited)', await timeEachAsync(questions, (question) => sqlite.recordUnanswered({ guildId: GUILD, question, article: null, at }))))
    await sqlite.close()

    // A busy month: 10,000 unanswered rows (about 60 distinct questions), 2,000 votes, 20,000 command uses.
    const month = async (storage: Storage) => {
      const now = Date.now()
      for (let index = 0; index < 10_000; index++) await storage.recordUnanswered({ guildId: GUILD, question: pick(random, questions), article: null, at: new Date(now - Math.floor(random() * 29) * 86_400_000) })
      for (let index = 0; index < 2_000; index++) await storage.recordVote({ guildId: GUILD, passageId: `istanbul-talks-p${1 + (index % 20)}`, answerKey: `a${index % 500}`, voterHash: `v${index}`, vote: random() < 0.3 ? 'down' : 'up', at: new Date(now) })
      for (let index = 0; index < 20_000; index++) await storage.recordCommandUse({ guildId: GUILD, command: pick(random, ['ask', 'quote', 'summary']), at: new Date(now) })
      return storage
    }
    const report = (storage: Storage) => () => buildInsightsReport(storage, { guildId: GUILD, days: 30, now: new Date(), passage: (id) => engine.passage(id), meaning: sharedWordVectors() })
    const memory = await month(new MemoryStorage())
    const runs = Array.from({ length: 30 }, (_, index) => index)
    lines.push(row('  baseline: /insights 30 days, memory', await timeEachAsync(runs, report(memory), 5)))
    const filled = await month(new SqliteStorage(join(folder, 'insights', 'bot.sqlite')))
    lines.push(row('  /insights 30 days, SQLite', await timeEachAsync(runs, report(filled), 5), 'target: p99 under 250 ms'))
    await filled.close()
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('storageBench.ts')) {
  const lines: string[] = []
  await runStorageBench(lines)
  process.stdout.write(`${lines.join('\n')}\n`)
}
