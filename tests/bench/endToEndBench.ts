import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { DEFAULT_CORPUS_DIR } from '../../src/config/paths.ts'
import { loadCorpus } from '../../src/corpus/loadCorpus.ts'
import { createEngine } from '../../src/engine/engine.ts'
import { option, startFakeDiscord } from '../discord-server/fakeDiscord.ts'
import { benchQuestions } from './engineBench.ts'
import { row, summarise, timeEach, type Stats } from './stats.ts'

const PROJECT = fileURLToPath(new URL('../../', import.meta.url))
const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GbEnch.benchbenchbenchbenchbench01'
const INTERACTIONS = 600

/**
 * The bot as `npm start` runs it, against the local Discord-compatible server:
 * time from process start to ready, and from an /ask interaction sent to its
 * callback received, beside the engine's own time for the same questions.
 */
export async function runEndToEndBench(lines: string[], _engineAsk: Stats): Promise<void> {
  lines.push('== End to end: bot process + local Discord-compatible server (loopback) ==')
  const discord = await startFakeDiscord({ token: TOKEN })
  const started = performance.now()
  const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT,
    env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.apiUrl, LOG_LEVEL: 'warn', DOTENV_CONFIG_PATH: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  bot.stderr.on('data', (chunk) => (stderr += String(chunk)))
  createInterface({ input: bot.stdout }).on('line', () => {})
  try {
    await discord.waitForReady(15_000)
    const readyMs = performance.now() - started
    lines.push(`process start → READY received: ${readyMs.toFixed(0)} ms   ${readyMs <= 1500 ? 'target ≤ 1500 ms: met' : 'target ≤ 1500 ms: MISSED'}`)

    const engine = createEngine(loadCorpus(DEFAULT_CORPUS_DIR))
    const questions = benchQuestions(engine, INTERACTIONS, 23).map((question) => question.slice(0, 300))
    // Warm-up: JIT and connection pools, not measured.
    for (const question of questions.slice(0, 30)) {
      await discord.dispatchInteraction(discord.slashCommand({ name: 'ask', options: [option.string('question', question)] })).waitForCallback(10_000)
    }
    const samples: number[] = []
    for (const question of questions) {
      const sent = performance.now()
      await discord.dispatchInteraction(discord.slashCommand({ name: 'ask', options: [option.string('question', question)] })).waitForCallback(10_000)
      samples.push(performance.now() - sent)
    }
    const endToEnd = summarise(samples)
    const engineOnly = timeEach(questions, (question) => engine.ask(question))
    lines.push(row(`/ask interaction → callback (${samples.length})`, endToEnd, endToEnd.p99Ms <= 50 ? 'target p99 ≤ 50 ms: met' : 'target p99 ≤ 50 ms: MISSED'))
    lines.push(row('  engine only, same questions, same run', engineOnly))
  } catch (error) {
    lines.push(`end-to-end bench failed: ${(error as Error).message}${stderr ? ` (bot stderr: ${stderr.trim().split('\n')[0]})` : ''}`)
    process.exitCode = 1
  } finally {
    bot.kill()
    await new Promise((resolve) => bot.once('exit', resolve))
    await discord.close()
  }
}
