import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { buildVectorCache } from './buildVectorCache.ts'
import { DEFAULT_VECTOR_COUNT } from './cacheLocation.ts'
import { WordVectorsError } from './errors.ts'
import { loadWordVectors, readVectorCache } from './wordVectors.ts'

export interface BuildVectorsCommandInput {
  argv: string[]
  env: Record<string, string | undefined>
  print: (line: string) => void
  printError: (line: string) => void
  /** Tests point the build at a fixture package; the command line cannot. */
  sourceDir?: string
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`

const settingsSchema = z.object({
  count: z.coerce.number().int().min(1).max(400_000).default(DEFAULT_VECTOR_COUNT),
  cacheDir: z.string().trim().min(1).optional(),
})

/**
 * `npm run vectors [-- --count N] [--force] [--postinstall]`: builds the cache
 * (or says it is fresh) and prints the build time, the process's peak memory
 * and the load time. Returns the exit code. With --postinstall every problem
 * is one line and exit 0, so `npm install` never fails on it (the bot builds
 * the cache at its first start instead).
 */
export async function buildVectorsCommand(input: BuildVectorsCommandInput): Promise<number> {
  const postinstall = input.argv.includes('--postinstall')
  try {
    const { values } = parseArgs({ args: input.argv, options: { count: { type: 'string' }, force: { type: 'boolean' }, postinstall: { type: 'boolean' } } })
    const parsed = settingsSchema.safeParse({ count: values.count, cacheDir: input.env.VECTOR_CACHE_DIR || undefined })
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path[0] === 'count' ? '--count' : 'VECTOR_CACHE_DIR'}: ${issue.message}`)
      throw new WordVectorsError(problems.join('; '))
    }
    const options = { count: parsed.data.count, cacheDir: parsed.data.cacheDir, sourceDir: input.sourceDir }
    const state = readVectorCache(options)
    if (state.status === 'fresh' && !values.force) {
      const { source } = state.vectors.header
      input.print(`word vectors: cache is fresh (${state.vectors.size} words from ${source.packageName}@${source.version})`)
      return 0
    }
    if (state.status !== 'fresh') input.print(`word vectors: building (${state.reason})`)
    const report = await buildVectorCache(options)
    input.print(
      `word vectors: ${report.count} words × ${report.dimensions} int8 from ${report.source.packageName}@${report.source.version} → ${report.file} (${mb(report.bytes)});` +
        ` read ${report.vectorsSeen} of the source's vectors (${mb(report.charactersRead)} of ${mb(report.source.size)})`,
    )
    const started = performance.now()
    loadWordVectors(options)
    const loadMs = performance.now() - started
    input.print(`word vectors: build ${(report.elapsedMs / 1000).toFixed(2)} s, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} (whole process), load ${loadMs.toFixed(1)} ms`)
    return 0
  } catch (error) {
    const message = error instanceof WordVectorsError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? (error as Error).message : `word vectors: ${String(error)}`
    if (postinstall) {
      input.print(`word vectors not built now: ${message} (the bot also builds them at its first start)`)
      return 0
    }
    input.printError(message)
    return 1
  }
}
