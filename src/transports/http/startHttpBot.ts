import { REST } from 'discord.js'
import { performance } from 'node:perf_hooks'
import type { Environment } from '../../config/environment.ts'
import { loadEnvironment } from '../../config/loadEnvironment.ts'
import { createLogger } from '../../logging/logger.ts'
import { feedbackSalt } from '../../interactions/feedback.ts'
import { parseAllowHosts } from '../../fetch/addresses.ts'
import { fileArticleLibrary } from '../../live/fileArticleLibrary.ts'
import { LiveCorpus } from '../../live/liveCorpus.ts'
import { prepareWordVectors } from '../../semantics/sharedVectors.ts'
import { BotMetrics } from '../../metrics/botMetrics.ts'
import { registrySource } from '../../metrics/metricsServer.ts'
import { watchRest } from '../discordRest/restMetrics.ts'
import { routerFor } from '../routerFor.ts'
import { startStorage } from '../../storage/storageRuntime.ts'
import { onShutdownSignals } from '../shutdown/onShutdownSignals.ts'
import { listenFailure } from './listenFailure.ts'
import { startHttpEndpoint, type HttpEndpoint } from './startHttpEndpoint.ts'
import { publicKeyFromHex } from './verifySignature.ts'

/**
 * `npm run start:http`: the bot as an HTTP interactions endpoint (no gateway).
 * Set the application's Interactions Endpoint URL in the developer portal to
 * this server, behind HTTPS. SIGTERM drains it (see startHttpEndpoint).
 */
export async function startHttpBot(environment: Environment): Promise<HttpEndpoint> {
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_PUBLIC_KEY: publicKey } = environment
  const missing = Object.entries({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_PUBLIC_KEY: publicKey }).flatMap(([name, value]) => (value ? [] : [name]))
  if (missing.length > 0) throw new Error(`needs ${missing.join(', ')} (see .env.example)`)
  const logger = createLogger(environment.LOG_LEVEL)
  await prepareWordVectors((line) => logger.info(line))
  const rest = new REST(environment.DISCORD_API_URL ? { api: environment.DISCORD_API_URL } : {}).setToken(token as string)
  const router = routerFor(environment)
  const metrics = new BotMetrics(router.modules.map((module) => module.data.name))
  watchRest(rest, metrics)
  const engineStarted = performance.now()
  // The same live corpus as the gateway bot: files added, changed or removed are answered from within seconds.
  const corpus = new LiveCorpus(environment.CORPUS_DIR, {
    onProblem: (problem) => logger.warn({ problem }, `corpus file skipped: ${problem}`),
    onReload: (report) => {
      logger.info({ articles: report.articles, buildMs: report.buildMs }, 'corpus reloaded')
      metrics.recordEngine(report.buildMs, report.articles)
    },
  }).watch()
  const engine = corpus.current()
  metrics.recordEngine(performance.now() - engineStarted, engine.articles().length)
  const library = fileArticleLibrary(environment.CORPUS_DIR, corpus, { allowHosts: parseAllowHosts(environment.ARTICLE_FETCH_ALLOW_HOSTS) })
  const metricsText = registrySource(metrics.registry)
  const stored = await startStorage(environment, logger)
  const endpoint = await startHttpEndpoint({
    port: environment.HTTP_PORT,
    host: environment.HTTP_HOST,
    publicKey: publicKeyFromHex(publicKey as string),
    maxConnections: environment.HTTP_MAX_CONNECTIONS,
    // A bot application's user id is its application id.
    deps: { engine, engines: corpus, library, router, rest, botUserId: applicationId as string, logger, metrics, storage: stored.storage, now: stored.now, feedbackSalt: feedbackSalt(environment) as string },
    extraRoutes: {
      '/metrics': async (_request, response) => {
        const { contentType, text } = await metricsText()
        response.writeHead(200, { 'content-type': contentType }).end(text)
      },
    },
    onRefused: (status) => metrics.httpRefused.inc({ status: String(status) }),
  }).catch(async (error: unknown) => {
    await stored.close().catch(() => undefined)
    throw listenFailure(error, environment.HTTP_HOST, environment.HTTP_PORT)
  })
  onShutdownSignals(async (signal) => {
    logger.info({ signal }, 'shutting down: answering what is in flight')
    const drained = await endpoint.drain(environment.SHUTDOWN_TIMEOUT_MS)
    corpus.close()
    await stored.close().catch((error: unknown) => logger.warn({ problem: (error as Error)?.message }, 'storage: could not close the database'))
    logger.info(drained, 'shut down')
  }, logger)
  logger.info({ url: endpoint.url }, 'listening for interactions')
  return endpoint
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\u0000')) {
  Promise.resolve()
    .then(() => startHttpBot(loadEnvironment()))
    .catch((error: unknown) => {
      process.stderr.write(`start:http failed: ${(error as Error).message}\n`)
      process.exit(1)
    })
}
