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
import { isCompiledCurrent } from '../../scripts/compiledBuild.mjs'

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
  // Start-up, three times each way: as `npm start` runs it, and the sources through tsx as the tests run them.
  const compiled = isCompiledCurrent(PROJECT)
  let running: Awaited<ReturnType<typeof startBot>>
  try {
    for (const [label, args] of [
      [`npm start (${compiled ? "dist/'s compiled copy, current" : 'no current dist/: the sources through tsx'})`, NPM_START],
      ['the TypeScript sources through tsx (tests, or after an edit)', ['--import', 'tsx', 'src/main.ts']],
    ] as const) {
      const times: number[] = []
      for (let run = 0; run < 3; run++) {
        const started = await startBot([...args])
        times.push(started.readyMs)
        await started.stop()
      }
      const readyMs = median(times)
      lines.push(`process start → READY received, ${label}: median ${readyMs.toFixed(0)} ms of 3 (${times.map((ms) => ms.toFixed(0)).join(', ')})   ${readyMs <= 1500 ? 'target ≤ 1500 ms: met' : 'target ≤ 1500 ms: MISSED'}`)
    }
    running = await startBot(NPM_START)
  } catch (error) {
    lines.push(`end-to-end bench failed to start the bot: ${(error as Error).message}`)
    process.exitCode = 1
    return
  }
  const { discord, bot, stop } = running
  try {
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
    lines.push(`end-to-end bench failed: ${(error as Error).message}${bot.stderr ? ` (bot stderr: ${bot.stderr.trim().split('\n')[0]})` : ''}`)
    process.exitCode = 1
  } finally {
    await stop()
  }
}

/** `npm start`'s command line (package.json: node scripts/start.mjs src/main.ts). */
const NPM_START = ['scripts/start.mjs', 'src/main.ts']

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

/** The bot in a child process against its own local Discord server, once it has received READY. */
async function startBot(args: string[]) {
  const discord = await startFakeDiscord({ token: TOKEN })
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: PROJECT,
    env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.apiUrl, LOG_LEVEL: 'warn', DOTENV_CONFIG_PATH: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const bot = { stderr: '' }
  child.stderr.on('data', (chunk) => (bot.stderr += String(chunk)))
  createInterface({ input: child.stdout }).on('line', () => {})
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill()
      await new Promise((resolve) => child.once('exit', resolve))
    }
    await discord.close()
  }
  try {
    await discord.waitForReady(15_000)
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}${bot.stderr ? ` (bot stderr: ${bot.stderr.trim().split('\n')[0]})` : ''}`)
  }
  return { discord, bot, stop, readyMs: performance.now() - started }
}
