/**
 * Runs the project's entry points as real child processes (node + the tsx
 * loader), with a controlled environment and optional standard input.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { MAIN_CORPUS_DIR, PROJECT_ROOT } from '../engine/support.ts'

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

export const CLI = {
  ask: join(PROJECT_ROOT, 'src/transports/cli/askCommand.ts'),
  quote: join(PROJECT_ROOT, 'src/transports/cli/quoteCommand.ts'),
  summary: join(PROJECT_ROOT, 'src/transports/cli/summaryCommand.ts'),
  main: join(PROJECT_ROOT, 'src/main.ts'),
} as const

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  /** Written to the child's stdin, which is then closed. */
  stdin?: string
  /** Added to (or, with undefined values, removed from) a clean environment. */
  env?: Record<string, string | undefined>
  /** Defaults to an empty folder, so no .env or stray file can interfere. */
  cwd?: string
}

/** Settings the project reads; the parent's values must not leak into the child. */
const PROJECT_VARIABLES = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL', 'CORPUS_DIR', 'DATA_DIR', 'DATABASE_URL']

let emptyFolder: string | undefined

/** One empty working folder per test worker, removed when the worker exits. */
function emptyWorkingFolder(): string {
  if (!emptyFolder) {
    const folder = mkdtempSync(join(tmpdir(), 'quote-bot-cli-'))
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }))
    emptyFolder = folder
  }
  return emptyFolder
}

/**
 * At most this many CLI processes at once per test worker: each loads the word
 * vectors, the dictionary and the tagger, and a dozen at once on two cores
 * would only queue for the processor.
 */
const MAX_RUNNING = 3
let running = 0
const waiting: Array<() => void> = []

async function inTurn<T>(start: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  try {
    return await start()
  } finally {
    running--
    waiting.shift()?.()
  }
}

export function runScript(script: string, args: string[] = [], options: RunOptions = {}): Promise<RunResult> {
  return inTurn(() => startScript(script, args, options))
}

function startScript(script: string, args: string[], options: RunOptions): Promise<RunResult> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !PROJECT_VARIABLES.includes(key)) env[key] = value
  env.CORPUS_DIR = MAIN_CORPUS_DIR
  // A bot that gets as far as opening storage writes in the worker's scratch folder, never the project's data/.
  env.DATA_DIR = join(emptyWorkingFolder(), 'data')
  env.NO_COLOR = '1'
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }
  const cwd = options.cwd ?? emptyWorkingFolder()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, script, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    // A hung child must not hang the suite: it is ended (by its own pid) after 45 s.
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.on('error', () => {})
    child.stdin.end(options.stdin ?? '')
  })
}

/** Non-empty lines of an output. */
export function lines(output: string): string[] {
  return output.split('\n').filter((line) => line.trim() !== '')
}
