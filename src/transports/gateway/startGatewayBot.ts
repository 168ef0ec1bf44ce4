import { performance } from 'node:perf_hooks'
import { Client, Events, GatewayIntentBits } from 'discord.js'
import type { Environment } from '../../config/environment.ts'
import type { ArticleLibrary } from '../../interactions/articleLibrary.ts'
import type { EngineSource } from '../../live/liveCorpus.ts'
import { createLogger, type Logger } from '../../logging/logger.ts'
import { feedbackSalt } from '../../interactions/feedback.ts'
import type { Storage } from '../../storage/storage.ts'
import { startStorage } from '../../storage/storageRuntime.ts'
import { loggableError } from '../discordRest/loggableError.ts'
import { routerFor } from '../routerFor.ts'
import { onShutdownSignals } from '../shutdown/onShutdownSignals.ts'
import { drainingGateway } from './drainingGateway.ts'
import { gatewayMetrics } from './gatewayMetrics.ts'

/** A start-up failure with a message fit for the operator (no stack, no secrets). */
export class StartupError extends Error {
  override name = 'StartupError'
}

export interface GatewayBotOptions {
  engines: EngineSource
  library?: ArticleLibrary
  environment: Environment
  token: string
  /** How long building the first engine took, for the metrics. */
  engineBuildMs?: number
  logger?: Logger
  /** What the bot remembers; absent: nothing is kept (votes are acknowledged as not kept). */
  storage?: Storage
}

/**
 * Logs in over the gateway with the Guilds intent only (slash commands need
 * no privileged intents) and answers interactions until stopped.
 */
export async function startGatewayBot({ engines, library, environment, token, engineBuildMs = 0, logger: given, storage }: GatewayBotOptions): Promise<Client> {
  const started = performance.now()
  // Under a ShardingManager every line says which shard wrote it.
  const shardIds = process.env.SHARDS !== undefined ? { shard: JSON.parse(process.env.SHARDS) as unknown } : {}
  const logger = (given ?? createLogger(environment.LOG_LEVEL)).child(shardIds)
  // discord.js reads SHARDS and SHARD_COUNT from the environment. A ShardingManager sets both for its
  // shards; outside one, SHARD_COUNT is only start:sharded's setting and must not split this process.
  if (!('SHARDS' in process.env)) delete process.env.SHARD_COUNT
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(environment.DISCORD_API_URL ? { rest: { api: environment.DISCORD_API_URL } } : {}),
  })
  const router = routerFor(environment)
  // Before the first interaction: a database that cannot be used is one log line, and the bot answers without it.
  // A storage handed in (tests) is used as it is; else the environment's, opened here.
  const stored = storage ? { storage, now: () => new Date(), close: async () => {} } : await startStorage(environment, logger)
  const observed = await gatewayMetrics(client, { environment, engine: engines.current(), engineBuildMs, commandNames: router.modules.map((module) => module.data.name), logger })
  const salt = feedbackSalt({ FEEDBACK_SALT: environment.FEEDBACK_SALT, DISCORD_TOKEN: token })
  const deps = {
    engines,
    ...(library ? { library } : {}),
    router,
    rest: client.rest,
    botUserId: () => client.user?.id ?? '',
    logger,
    storage: stored.storage,
    now: stored.now,
    ...(observed ? { metrics: observed.metrics } : {}),
    ...(salt ? { feedbackSalt: salt } : {}),
  }
  const drain = drainingGateway(deps, logger)

  client.on(Events.InteractionCreate, (interaction) => drain.accept(interaction))
  client.once(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, startupMs: Math.round(performance.now() - started) }, `ready in ${ready.guilds.cache.size} guild(s)`)
  })
  client.on(Events.Error, (error) => logger.error({ err: loggableError(error) }, 'client error'))

  onShutdownSignals(async (signal) => {
    logger.info({ signal, inFlight: drain.inFlight }, 'shutting down: answering what is in flight')
    const drained = await drain.stop(environment.SHUTDOWN_TIMEOUT_MS)
    // Close code 1000: Discord ends the session, no resume expected.
    await client.destroy()
    observed?.close()
    await stored.close().catch((error: unknown) => logger.warn({ problem: (error as Error)?.message }, 'storage: could not close the database'))
    logger.info(drained, 'shut down')
  }, logger)

  try {
    await client.login(token)
  } catch (error) {
    await client.destroy()
    observed?.close()
    await stored.close().catch(() => undefined)
    const code = (error as { code?: string }).code
    if (code === 'TokenInvalid') throw new StartupError('Discord rejected DISCORD_TOKEN (401 Unauthorized). Copy the token again from the Bot page of the developer portal.')
    throw new StartupError(`could not connect to Discord: ${(error as Error).message}`)
  }
  return client
}
