import { spawn, type ChildProcess } from 'node:child_process'
import { generateKeyPairSync, sign } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { WebSocket } from 'ws'
import { fileURLToPath } from 'node:url'
// autocannon ships no types; the bench uses a small part of its result.
// @ts-expect-error -- untyped CommonJS module
import autocannon from 'autocannon'
import { DEFAULT_CORPUS_DIR } from '../../src/config/paths.ts'
import { loadCorpus } from '../../src/corpus/loadCorpus.ts'
import { createEngine } from '../../src/engine/engine.ts'
import { option, startFakeDiscord, type FakeDiscord } from '../discord-server/fakeDiscord.ts'
import { benchQuestions } from './engineBench.ts'
import { pick, seededRandom } from './stats.ts'

const PROJECT = fileURLToPath(new URL('../../', import.meta.url))
const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GbEnch.benchbenchbenchbenchbench01'
/** Bounded load: loopback only, a few seconds, a handful of connections. */
const LOAD_SECONDS = 5
const LOAD_CONNECTIONS = 8
const GATEWAY_INTERACTIONS = 10_000
const GATEWAY_CONCURRENCY = 16
const RSS_EVERY = 1_000

interface CannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  '2xx': number
  non2xx: number
  errors: number
  timeouts: number
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', DOTENV_CONFIG_PATH: '/nonexistent', DOTENV_CONFIG_QUIET: 'true', ...extra }
  delete env.SHARD_COUNT
  return env
}

function startProcess(script: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): { child: ChildProcess; firstLine: (predicate: (line: string) => boolean) => Promise<string> } {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], { cwd: PROJECT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const seen: string[] = []
  const waiters: Array<{ predicate: (line: string) => boolean; resolve: (line: string) => void }> = []
  lines.on('line', (line) => {
    seen.push(line)
    for (const waiter of [...waiters]) if (waiter.predicate(line)) waiter.resolve(line)
  })
  return {
    child,
    firstLine: (predicate) =>
      new Promise((resolve, reject) => {
        const found = seen.find(predicate)
        if (found) return resolve(found)
        waiters.push({ predicate, resolve })
        setTimeout(() => reject(new Error('timed out waiting for the process')), 20_000).unref()
      }),
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await new Promise((resolve) => child.once('exit', resolve))
}

/**
 * The bot's memory after a full garbage collection, through the inspector
 * protocol (the process runs with --inspect on loopback): RSS alone follows
 * the collector's sawtooth and cannot tell retained memory from garbage.
 */
async function inspectorMemory(inspectorUrl: string): Promise<{ heapMb: number; rssMb: number }> {
  const socket = new WebSocket(inspectorUrl)
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  let nextId = 0
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = ++nextId
      const onMessage = (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown> }
        if (message.id !== id) return
        socket.off('message', onMessage)
        resolve(message.result ?? {})
      }
      socket.on('message', onMessage)
      socket.send(JSON.stringify({ id, method, params }))
    })
  try {
    await call('HeapProfiler.collectGarbage')
    const result = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })
    const usage = JSON.parse(String((result.result as { value?: string }).value)) as { heapUsed: number; rss: number }
    return { heapMb: usage.heapUsed / 2 ** 20, rssMb: usage.rss / 2 ** 20 }
  } finally {
    socket.close()
  }
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024
}

/**
 * HTTP interactions mode under load: signed requests from autocannon, each
 * with a fresh interaction id and timestamp (the endpoint refuses replays),
 * many users (the cooldown is off here: it would refuse most of the load).
 * The baseline is the same endpoint's no-op path: a signed PING → PONG
 * (same size check, signature, timestamp, replay cache, JSON), no handler.
 */
async function httpLoad(lines: string[], discord: FakeDiscord, questions: string[]): Promise<void> {
  const keys = generateKeyPairSync('ed25519')
  const publicKeyHex = (keys.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex')
  const bot = startProcess('src/transports/http/startHttpBot.ts', baseEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl, DISCORD_PUBLIC_KEY: publicKeyHex, HTTP_PORT: '0', LOG_LEVEL: 'info', COOLDOWN_MAX: '0' }))
  try {
    const url = (JSON.parse(await bot.firstLine((line) => line.includes('listening for interactions'))) as { url: string }).url
    const random = seededRandom(91)
    let counter = 0
    const signed = (payload: Record<string, unknown>) => {
      const body = JSON.stringify({ ...payload, id: `${Date.now()}${String(counter++).padStart(6, '0')}` })
      const timestamp = String(Math.floor(Date.now() / 1000))
      const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey).toString('hex')
      return { body, headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } }
    }
    const run = (label: string, makePayload: () => Record<string, unknown>) =>
      new Promise<CannonResult>((resolve, reject) => {
        autocannon(
          {
            url,
            connections: LOAD_CONNECTIONS,
            duration: LOAD_SECONDS,
            requests: [{ method: 'POST', setupRequest: (request: Record<string, unknown>) => ({ ...request, ...signed(makePayload()) }) }],
          },
          (error: Error | null, result: CannonResult) => (error ? reject(error) : resolve(result)),
        )
      }).then((result) => {
        const ok = result['2xx']
        lines.push(
          `${label.padEnd(44)} ${result.requests.average.toFixed(0).padStart(6)} req/s   median ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   (2xx ${ok}, other ${result.non2xx}, errors ${result.errors + result.timeouts})`,
        )
        return result
      })
    const ping = () => ({ application_id: discord.applicationId, type: 1, token: 't', version: 1 })
    const ask = () => {
      const user = { id: `1400000000000${String(Math.floor(random() * 100_000)).padStart(6, '0')}`, username: 'bench' }
      return { ...discord.slashCommand({ name: 'ask', options: [option.string('question', pick(random, questions))] }), member: { user, permissions: '0' } } as unknown as Record<string, unknown>
    }
    // Warm-up (JIT, connections), not reported.
    await new Promise((resolve) => autocannon({ url, connections: 2, amount: 200, requests: [{ method: 'POST', setupRequest: (request: Record<string, unknown>) => ({ ...request, ...signed(ask()) }) }] }, resolve))
    await run('no-op handler: signed PING → PONG', ping)
    const asked = await run('signed /ask → reply (HTTP mode)', ask)
    if (asked.non2xx > 0 || asked.errors > 0) process.exitCode = 1
  } finally {
    await stop(bot.child)
  }
}

/**
 * Gateway mode's memory over 10,000 /ask interactions: RSS sampled every
 * 1,000; it must level off (the second half grows far less than the first
 * thousand's warm-up), or something keeps every interaction.
 */
async function gatewayRss(lines: string[], questions: string[]): Promise<void> {
  const discord = await startFakeDiscord({ token: TOKEN })
  const bot = startProcess('src/main.ts', baseEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.apiUrl, COOLDOWN_MAX: '0' }), ['--inspect=127.0.0.1:0'])
  const inspectorUrl = new Promise<string>((resolve) => {
    let text = ''
    bot.child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const match = /Debugger listening on (ws:\/\/\S+)/.exec(text)
      if (match?.[1]) resolve(match[1])
    })
  })
  try {
    await discord.waitForReady(20_000)
    const pid = bot.child.pid as number
    const url = await inspectorUrl
    const samples: number[] = [rssMb(pid)]
    const heaps: number[] = [(await inspectorMemory(url)).heapMb]
    let sent = 0
    while (sent < GATEWAY_INTERACTIONS) {
      const batch = Math.min(GATEWAY_CONCURRENCY, GATEWAY_INTERACTIONS - sent)
      await Promise.all(
        Array.from({ length: batch }, (_, i) => discord.dispatchInteraction(discord.slashCommand({ name: 'ask', options: [option.string('question', questions[(sent + i) % questions.length] ?? '')] })).waitForCallback(10_000)),
      )
      const crossed = (every: number) => Math.floor((sent + batch) / every) > Math.floor(sent / every)
      // The fake keeps every request; the bot is what is measured, so keep the fake small.
      if (crossed(500)) discord.clearRequests()
      if (crossed(RSS_EVERY)) {
        samples.push(rssMb(pid))
        heaps.push((await inspectorMemory(url)).heapMb)
      }
      sent += batch
    }
    // Retained memory per interaction over the second half, after full collections: ~0 when nothing keeps interactions.
    const middle = Math.floor(heaps.length / 2)
    const perInteractionBytes = (((heaps.at(-1) ?? 0) - (heaps[middle] ?? 0)) * 2 ** 20) / ((heaps.length - 1 - middle) * RSS_EVERY)
    const levels = perInteractionBytes < 200
    lines.push(`gateway RSS over ${GATEWAY_INTERACTIONS} /ask (MB, every ${RSS_EVERY}): ${samples.map((mb) => mb.toFixed(0)).join(' → ')}`)
    lines.push(`  heap after a full GC (MB):                    ${heaps.map((mb) => mb.toFixed(1)).join(' → ')}`)
    lines.push(`  retained per interaction, second half: ${perInteractionBytes.toFixed(0)} bytes   ${levels ? 'target < 200 B (levels off): met' : 'target < 200 B (levels off): MISSED'}`)
    if (!levels) process.exitCode = 1
  } finally {
    await stop(bot.child)
    await discord.close()
  }
}

export async function runProductionBench(lines: string[]): Promise<void> {
  lines.push('== Production: HTTP mode under load (autocannon, loopback), gateway memory ==')
  const engine = createEngine(loadCorpus(DEFAULT_CORPUS_DIR))
  const questions = benchQuestions(engine, 400, 57).map((question) => question.slice(0, 300))
  const discord = await startFakeDiscord({ token: TOKEN })
  try {
    await httpLoad(lines, discord, questions)
  } catch (error) {
    lines.push(`HTTP load bench failed: ${(error as Error).message}`)
    process.exitCode = 1
  } finally {
    await discord.close()
  }
  try {
    await gatewayRss(lines, questions)
  } catch (error) {
    lines.push(`gateway memory bench failed: ${(error as Error).message}`)
    process.exitCode = 1
  }
}
