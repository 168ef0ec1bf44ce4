import { performance } from 'node:perf_hooks'
import { ConfigurationError } from './config/environment.ts'
import { loadEnvironment } from './config/loadEnvironment.ts'
import { CorpusError } from './corpus/parseArticle.ts'
import { loadEngine } from './loadEngine.ts'
import { prepareWordVectors } from './semantics/sharedVectors.ts'
import { runConsole } from './transports/console/runConsole.ts'

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, else the local console.
 * Start-up problems end the process with one clear line, never a stack trace.
 */
async function main(): Promise<void> {
  const environment = loadEnvironment()
  // Word vectors first: built once into a cache on a machine's first start, then read in milliseconds.
  await prepareWordVectors((line) => process.stderr.write(`${line}\n`))
  const engineStarted = performance.now()
  const engine = loadEngine(environment.CORPUS_DIR)
  const engineBuildMs = performance.now() - engineStarted
  if (environment.DISCORD_TOKEN) {
    const { startGatewayBot } = await import('./transports/gateway/startGatewayBot.ts')
    await startGatewayBot({ engine, environment, token: environment.DISCORD_TOKEN, engineBuildMs })
    return
  }
  const banner = [
    `Local console: ask about “${engine.articles().map((article) => article.title).join('”, “')}”. Type /help for commands.`,
    'To connect to Discord instead, set DISCORD_TOKEN in .env (see .env.example and the README).',
  ].join('\n')
  await runConsole(engine, { input: process.stdin, output: process.stdout }, banner)
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigurationError || error instanceof CorpusError || (error as { name?: string })?.name === 'StartupError'
  process.stderr.write(`${known ? '' : 'start-up failed: '}${(error as Error)?.message ?? String(error)}\n`)
  process.exit(1)
})
