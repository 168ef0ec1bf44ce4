import { createInterface } from 'node:readline'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { CorpusError } from '../../corpus/parseArticle.ts'
import { DEFAULT_CORPUS_DIR } from '../../config/paths.ts'
import { loadEngine } from '../../loadEngine.ts'
import { sharedWordVectors } from '../../semantics/sharedVectors.ts'
import type { ArticleInfo, Engine } from '../../engine/engine.ts'

/** A mistake in the command line: reported in one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export interface CliIO {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
}

/** `--help` or `-h`: the usage goes to stdout and the command exits 0. */
export class HelpRequested extends Error {
  override name = 'HelpRequested'
}

/** Node's parser explains at length how to pass a value starting with '-'; one short line is clearer. */
function shortParseError(message: string): string {
  const unknown = /^Unknown option '([^']+)'/.exec(message)
  if (unknown) return `unknown option ${unknown[1]}`
  return (message.split('\n')[0] ?? message).replace(/\.\s.*$/, '')
}

/** Parses argv with node's strict parser, turning its errors into usage errors; `--help`/`-h` asks for the usage. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  const endOfOptions = argv.indexOf('--')
  const optionArgs = endOfOptions === -1 ? argv : argv.slice(0, endOfOptions)
  if (optionArgs.includes('--help') || optionArgs.includes('-h')) throw new HelpRequested(usage)
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(`${shortParseError((error as Error).message)} — usage: ${usage}`)
  }
}

/** The corpus folder: CORPUS_DIR when set, else the project's own. */
export function engineFromEnvironment(): Engine {
  // The cache is built at npm install (or the bot's first start); a command only reads it, after its arguments are checked.
  if (!sharedWordVectors()) process.stderr.write('word vectors are not built yet (npm run vectors builds them): answering without meaning-based matching\n')
  return loadEngine(process.env.CORPUS_DIR?.trim() || DEFAULT_CORPUS_DIR)
}

/**
 * Runs a CLI command: the only place that sets exit codes. Usage errors exit 2,
 * a bad corpus or any other failure exits 1, each with one line on stderr.
 */
export async function runCli(command: (argv: string[], io: CliIO) => Promise<void> | void): Promise<void> {
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }
  try {
    await command(process.argv.slice(2), io)
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout.write(`usage: ${error.message}\n`)
    } else if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`)
      process.exitCode = 2
    } else if (error instanceof CorpusError) {
      io.stderr.write(`corpus error: ${error.message}\n`)
      process.exitCode = 1
    } else {
      io.stderr.write(`error: ${(error as Error).message ?? String(error)}\n`)
      process.exitCode = 1
    }
  }
}

/** Reads standard input line by line. */
export async function* readLines(stdin: NodeJS.ReadableStream): AsyncGenerator<string> {
  const lines = createInterface({ input: stdin, crlfDelay: Infinity, terminal: false })
  for await (const line of lines) yield line
}

export function writeJson(io: CliIO, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value)}\n`)
}

/** `--article SLUG`: that article, or a usage error listing the slugs. */
export function articleNamed(engine: Engine, slug: string): ArticleInfo {
  const article = engine.article(slug)
  if (!article) throw new UsageError(`no article "${slug}"; articles: ${engine.articles().map((known) => known.slug).join(', ')}`)
  return article
}
