/**
 * Shared helpers for the end-to-end tests: spawning the real bot (`src/main.ts`) and the
 * deploy script as child processes against the fake Discord server, collecting their pino
 * log lines, checking every message body against Discord's limits, and reading the article.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, request } from 'node:http'
import { fileURLToPath } from 'node:url'
import type { APIEmbed } from 'discord.js'
import type { FakeDiscord, RecordedRequest } from '../discord-server/fakeDiscord.ts'

/** The project folder (cwd of every child process). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** A token shaped like a real bot token (the env schema rejects anything else). Not a real one. */
export const BOT_TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GabcDE.abcdefghijklmnopqrstuvwxyz0123'
/** Another well-formed token, for the "Discord rejects the token" case. */
export const OTHER_TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMg.GxyzUV.zyxwvutsrqponmlkjihgfedcba9876'

/** Discord's PinMessages permission (split from ManageMessages on 2026-02-23). */
export const PIN_MESSAGES = 1n << 51n

/** Time limits: generous, the suite must not flake on a busy machine. */
export const READY_TIMEOUT = 20_000
export const REPLY_TIMEOUT = 10_000

/**
 * Every variable the program reads. They are always set (blank when unused): dotenv never overrides
 * a variable that exists, so a developer's `.env` can't leak in. (DOTENV_CONFIG_PATH alone would not
 * do: dotenv's `config()` ignores it; only the `dotenv/config` preload reads it.)
 */
const PROGRAM_VARIABLES = [
  'DISCORD_TOKEN',
  'DISCORD_APPLICATION_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_URL',
  'DISCORD_PUBLIC_KEY',
  'HTTP_PORT',
  'HTTP_HOST',
  'HTTP_MAX_CONNECTIONS',
  'LOG_LEVEL',
  'CORPUS_DIR',
  'SHUTDOWN_TIMEOUT_MS',
  'METRICS_PORT',
  'METRICS_HOST',
  'COOLDOWN_MAX',
  'COOLDOWN_WINDOW_SECONDS',
  'SHARD_COUNT',
  'ARTICLE_FETCH_ALLOW_HOSTS',
  'VECTOR_CACHE_DIR',
  'FEEDBACK_SALT',
  'DATA_DIR',
  'DATABASE_URL',
  'RETENTION_DAYS',
  'TEST_CLOCK_OFFSET_DAYS',
] as const

/**
 * Where the bots of one test file keep their database unless a test names its own DATA_DIR:
 * never the project's data/, and removed when the test process ends.
 */
const CHILD_DATA_DIR = mkdtempSync(join(tmpdir(), 'bot-e2e-data-'))
process.once('exit', () => rmSync(CHILD_DATA_DIR, { recursive: true, force: true }))

/** A clean child environment: the program's variables blank unless given, dotenv quiet, no colours. */
export function childEnv(overrides: Partial<Record<(typeof PROGRAM_VARIABLES)[number], string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of PROGRAM_VARIABLES) env[key] = ''
  delete env.NODE_OPTIONS
  delete env.CI
  delete env.DOTENV_KEY
  return {
    ...env,
    LOG_LEVEL: 'info',
    DOTENV_CONFIG_PATH: '/nonexistent',
    DOTENV_CONFIG_QUIET: 'true',
    NO_COLOR: '1',
    // Most suites send many commands from one user; the cooldown has its own tests (metrics.test.ts).
    COOLDOWN_MAX: '0',
    DATA_DIR: CHILD_DATA_DIR,
    ...overrides,
  }
}

export interface LogLine {
  level: number
  msg: string
  [key: string]: unknown
}

/** A child process with its output collected line by line. */
export class Child {
  readonly process: ChildProcess
  readonly stdoutLines: string[] = []
  readonly stderrLines: string[] = []
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  private stdoutRest = ''
  private stderrRest = ''
  private readonly listeners = new Set<() => void>()

  constructor(args: string[], env: NodeJS.ProcessEnv) {
    this.process = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    this.process.stdout?.setEncoding('utf8')
    this.process.stderr?.setEncoding('utf8')
    this.process.stdout?.on('data', (chunk: string) => {
      this.stdoutRest = this.split(this.stdoutRest + chunk, this.stdoutLines)
    })
    this.process.stderr?.on('data', (chunk: string) => {
      this.stderrRest = this.split(this.stderrRest + chunk, this.stderrLines)
    })
    this.exited = new Promise((resolve) => {
      this.process.once('close', (code, signal) => {
        if (this.stdoutRest) this.stdoutLines.push(this.stdoutRest)
        if (this.stderrRest) this.stderrLines.push(this.stderrRest)
        this.stdoutRest = this.stderrRest = ''
        this.notify()
        resolve({ code, signal })
      })
    })
  }

  private split(text: string, into: string[]): string {
    const parts = text.split('\n')
    const rest = parts.pop() ?? ''
    into.push(...parts)
    if (parts.length) this.notify()
    return rest
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener()
  }

  /** Everything written to stdout and stderr. */
  get output(): string {
    return [...this.stdoutLines, this.stdoutRest, ...this.stderrLines, this.stderrRest].join('\n')
  }

  /** Stdout lines parsed as pino JSON (other lines skipped). */
  logs(): LogLine[] {
    return this.stdoutLines.flatMap((line) => {
      try {
        const parsed = JSON.parse(line) as unknown
        return parsed && typeof parsed === 'object' && 'level' in parsed ? [parsed as LogLine] : []
      } catch {
        return []
      }
    })
  }

  /** The first log line (already written or future) matching `predicate`. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs = REPLY_TIMEOUT): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.logs().find(predicate)
        if (!found) return false
        cleanup()
        resolve(found)
        return true
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for a log line; output so far:\n${this.output.slice(-3000)}`))
      }, timeoutMs)
      const cleanup = () => {
        clearTimeout(timer)
        this.listeners.delete(listener)
      }
      const listener = () => {
        check()
      }
      this.listeners.add(listener)
      check()
    })
  }

  /** SIGTERM, then SIGKILL if it lingers; resolves once it has exited. */
  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return
    this.process.kill('SIGTERM')
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5_000)
    await this.exited
    clearTimeout(timer)
  }
}

/** `npm start` (= `tsx src/main.ts`) with the given environment. */
export function startBot(env: Parameters<typeof childEnv>[0]): Child {
  return new Child(['src/main.ts'], childEnv(env))
}

/** `npm run deploy-commands` (= `tsx src/transports/gateway/deployCommands.ts`). */
export function deployCommands(env: Parameters<typeof childEnv>[0]): Child {
  return new Child(['src/transports/gateway/deployCommands.ts'], childEnv(env))
}

/** Starts the bot against `discord` and waits until it is connected and has logged `ready`. */
export async function startBotAgainst(discord: FakeDiscord, extra: Parameters<typeof childEnv>[0] = {}): Promise<Child> {
  const bot = startBot({ DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, DISCORD_APPLICATION_ID: discord.applicationId, ...extra })
  try {
    await Promise.race([
      discord.waitForReady(READY_TIMEOUT),
      bot.exited.then(({ code }) => {
        throw new Error(`the bot exited (${code}) before it was ready:\n${bot.output}`)
      }),
    ])
    await bot.waitForLog((line) => line.msg.startsWith('ready in'), READY_TIMEOUT)
  } catch (error) {
    await bot.stop()
    throw error
  }
  return bot
}

// ---------------------------------------------------------------------------------------------
// Discord's limits, checked on every message body the bot sent
// ---------------------------------------------------------------------------------------------

interface MessageBody {
  content?: unknown
  embeds?: APIEmbed[]
  components?: unknown[]
}

/** The message bodies of a request: interaction callback `data`, webhook and channel message bodies. */
export function messageBodyOf(request: RecordedRequest): MessageBody | null {
  const route = request.route ?? ''
  const body = request.body as Record<string, unknown> | null
  if (!body || typeof body !== 'object') return null
  if (route === 'POST /interactions/:interaction/:token/callback') {
    const data = body.data
    return data && typeof data === 'object' && !('choices' in data) ? (data as MessageBody) : null
  }
  if (route.includes(' /webhooks/') && (request.method === 'POST' || request.method === 'PATCH')) return body as MessageBody
  if (route === 'POST /channels/:channel/messages' || route === 'PATCH /channels/:channel/messages/:message') return body as MessageBody
  return null
}

/**
 * After a whole run: every message body the bot sent fits Discord's limits,
 * Discord refused none as invalid (50035) or duplicate-acknowledged (40060),
 * and nothing failed on its side. Returns how many bodies were checked.
 */
export function expectRunWithinDiscordLimits(expect: (value: unknown, message?: string) => { toEqual(expected: unknown): void; not: { toContain(item: unknown): void } }, requests: readonly RecordedRequest[]): number {
  let bodies = 0
  for (const request of requests) {
    const body = messageBodyOf(request)
    if (!body) continue
    bodies++
    expect(limitBreaches(body), `${request.method} ${request.path}`).toEqual([])
  }
  const codes = requests.map((r) => (r.response as { code?: number } | undefined)?.code).filter((c) => c !== undefined)
  expect(codes).not.toContain(50035)
  expect(codes).not.toContain(40060)
  expect(requests.filter((r) => r.status >= 500)).toEqual([])
  return bodies
}

/** Human-readable breaches of Discord's message limits in one body (empty when it fits). */
export function limitBreaches(body: MessageBody): string[] {
  const problems: string[] = []
  if (typeof body.content === 'string' && body.content.length > 2000) problems.push(`content is ${body.content.length} > 2000`)
  const embeds = body.embeds ?? []
  if (embeds.length > 10) problems.push(`${embeds.length} embeds > 10`)
  let total = 0
  embeds.forEach((embed, i) => {
    const description = embed.description ?? ''
    if (description.length > 4096) problems.push(`embed ${i} description ${description.length} > 4096`)
    if ((embed.title ?? '').length > 256) problems.push(`embed ${i} title > 256`)
    if ((embed.author?.name ?? '').length > 256) problems.push(`embed ${i} author > 256`)
    if ((embed.footer?.text ?? '').length > 2048) problems.push(`embed ${i} footer > 2048`)
    const fields = embed.fields ?? []
    if (fields.length > 25) problems.push(`embed ${i} has ${fields.length} fields > 25`)
    for (const field of fields) {
      if (field.name.length > 256) problems.push(`embed ${i} field name ${field.name.length} > 256`)
      if (field.value.length > 1024) problems.push(`embed ${i} field value ${field.value.length} > 1024`)
      if (field.name.length === 0 || field.value.length === 0) problems.push(`embed ${i} has an empty field`)
    }
    total +=
      (embed.title ?? '').length +
      description.length +
      (embed.author?.name ?? '').length +
      (embed.footer?.text ?? '').length +
      fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  })
  if (total > 6000) problems.push(`embeds total ${total} > 6000`)
  return problems
}

// ---------------------------------------------------------------------------------------------
// The article
// ---------------------------------------------------------------------------------------------

const ARTICLE_FILE = readFileSync(new URL('../../corpus/istanbul-talks.md', import.meta.url), 'utf8')

/** The article's title, from its front matter. */
export const ARTICLE_TITLE = /^title:\s*"(.+)"\s*$/m.exec(ARTICLE_FILE)?.[1] ?? ''

/** The article's body (front matter dropped). */
export const ARTICLE = ARTICLE_FILE.replace(/^---\n[\s\S]*?\n---\n/, '')

/** The article's paragraphs (headings dropped), 1-based numbering by position. */
export const PARAGRAPHS = ARTICLE.split(/\n\s*\n/)
  .map((block) => block.trim())
  .filter((block) => block !== '' && !block.startsWith('#'))

/** Section headings, in order. */
export const SECTIONS = [...ARTICLE.matchAll(/^##\s+(.+)$/gm)].map((match) => (match[1] ?? '').trim())

/** Collapses white space, for comparisons with text that went through Markdown. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Removes Markdown backslash escapes (`\*` → `*`) and the bold/underline markers the bot adds. */
export function unmarkdown(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/\\([\\*_~`|>#\-[\]()])/g, '$1')
}

/** A block quote's text (`> ` prefixes dropped). */
export function unquote(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^> ?/, ''))
    .join('\n')
}

// ---------------------------------------------------------------------------------------------
// A REST proxy in front of the fake Discord that can answer chosen requests with an error
// ---------------------------------------------------------------------------------------------

export interface Fault {
  method: string
  /** Matched against the percent-decoded path without `/api/v10` and query, e.g. `/webhooks/1/tok/messages/@original`. */
  path: RegExp
  status: number
  /** JSON body of the error answer. */
  body?: unknown
  /** How many matching requests to fail (default 1). */
  times?: number
}

export interface InjectedFault {
  method: string
  path: string
  status: number
  /** The request body the bot sent, which never reached the fake. */
  body: unknown
}

export interface FaultProxy {
  /** Use as DISCORD_API_URL. */
  readonly apiUrl: string
  /** Requests answered with an injected error instead of being forwarded. */
  readonly injected: InjectedFault[]
  fail(fault: Fault): void
  clear(): void
  close(): Promise<void>
}

/**
 * Forwards every REST request to `targetApiUrl` unchanged, except the ones matching a fault,
 * which get the fault's status and body (as Discord would answer an error). The gateway is not
 * proxied: `GET /gateway/bot` still hands out the fake's own WebSocket URL.
 */
export async function startFaultProxy(targetApiUrl: string): Promise<FaultProxy> {
  const target = new URL(targetApiUrl)
  const faults: Array<Fault & { remaining: number }> = []
  const injected: InjectedFault[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      const rawPath = (req.url ?? '/').split('?')[0]?.replace(/^\/api(\/v\d+)?/, '') ?? '/'
      let path = rawPath
      try {
        path = decodeURIComponent(rawPath)
      } catch {
        // keep it encoded
      }
      const fault = faults.find((f) => f.remaining > 0 && f.method === req.method && f.path.test(path))
      if (fault) {
        fault.remaining--
        let body: unknown = null
        try {
          body = raw.length ? JSON.parse(raw.toString('utf8')) : null
        } catch {
          body = raw.toString('utf8')
        }
        injected.push({ method: req.method ?? '', path, status: fault.status, body })
        const payload = JSON.stringify(fault.body ?? { message: 'injected failure', code: 0 })
        res.writeHead(fault.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) })
        res.end(payload)
        return
      }
      const headers = { ...req.headers, host: target.host }
      const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      })
      upstream.on('error', (error) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: `proxy: ${error.message}`, code: 0 }))
      })
      upstream.end(raw)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    injected,
    fail: (fault) => faults.push({ ...fault, remaining: fault.times ?? 1 }),
    clear: () => {
      faults.length = 0
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Polls `check` until it returns true (for state the fake has no waiter for). */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = REPLY_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
