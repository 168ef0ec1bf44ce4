import { performance } from 'node:perf_hooks'
import { ConfigurationError } from './config/environment.ts'
import { loadEnvironment } from './config/loadEnvironment.ts'
import { CorpusError } from './corpus/parseArticle.ts'
import { prepareWordVectors } from './semantics/sharedVectors.ts'
import { parseAllowHosts } from './fetch/addresses.ts'
import { fileArticleLibrary } from './live/fileArticleLibrary.ts'
import { LiveCorpus } from './live/liveCorpus.ts'
import { createLogger } from './logging/logger.ts'
import { runConsole } from './transports/console/runConsole.ts'

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, else the local console.
 * Start-up problems end the process with one clear line, never a stack trace.
 * A bad article file is skipped with one line; an empty or missing corpus stops.
 */
async function main(): Promise<void> {
  const environment = loadEnvironment()
  // Word vectors first: built once into a cache on a machine's first start, then read in milliseconds.
  await prepareWordVectors((line) => process.stderr.write(`${line}\n`))
  if (environment.DISCORD_TOKEN) {
    const logger = createLogger(environment.LOG_LEVEL)
    const engineStarted = performance.now()
    const corpus = new LiveCorpus(environment.CORPUS_DIR, {
      onProblem: (problem) => logger.warn({ problem }, `corpus file skipped: ${problem}`),
      onReload: (report) => logger.info({ articles: report.articles, buildMs: report.buildMs }, 'corpus reloaded'),
    }).watch()
    const engineBuildMs = performance.now() - engineStarted
    const { startGatewayBot } = await import('./transports/gateway/startGatewayBot.ts')
    const library = fileArticleLibrary(environment.CORPUS_DIR, corpus, { allowHosts: parseAllowHosts(environment.ARTICLE_FETCH_ALLOW_HOSTS) })
    await startGatewayBot({ engines: corpus, library, environment, token: environment.DISCORD_TOKEN, logger, engineBuildMs })
    return
  }
  const corpus = new LiveCorpus(environment.CORPUS_DIR, { onProblem: (problem) => process.stderr.write(`corpus file skipped: ${problem}\n`) }).watch()
  const titles = corpus.current().articles().map((article) => article.title)
  const banner = [
    titles.length === 1 ? `Local console: ask about “${titles[0]}”. Type /help for commands.` : `Local console: ${titles.length} articles (/articles lists them). Type /help for commands.`,
    'To connect to Discord instead, set DISCORD_TOKEN in .env (see .env.example and the README).',
  ].join('\n')
  await runConsole(corpus, { input: process.stdin, output: process.stdout }, banner)
  corpus.close()
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigurationError || error instanceof CorpusError || (error as { name?: string })?.name === 'StartupError'
  process.stderr.write(`${known ? '' : 'start-up failed: '}${(error as Error)?.message ?? String(error)}\n`)
  process.exit(1)
})
