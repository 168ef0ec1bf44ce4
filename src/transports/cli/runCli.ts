import { createInterface } from 'node:readline'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { CorpusError } from '../../corpus/parseArticle.ts'
import { DEFAULT_CORPUS_DIR } from '../../config/paths.ts'
import { loadEngine } from '../../loadEngine.ts'
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

/** Parses argv with node's strict parser, turning its errors into usage errors. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} — usage: ${usage}`)
  }
}

/** The corpus folder: CORPUS_DIR when set, else the project's own. */
export function engineFromEnvironment(): Engine {
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
    if (error instanceof UsageError) {
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
