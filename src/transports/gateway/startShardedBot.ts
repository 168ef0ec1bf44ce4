import { fileURLToPath } from 'node:url'
import { REST, Routes, ShardingManager, type Shard } from 'discord.js'
import { AggregatorRegistry, Gauge } from 'prom-client'
import { ConfigurationError, type Environment } from '../../config/environment.ts'
import { loadEnvironment } from '../../config/loadEnvironment.ts'
import { createLogger, type Logger } from '../../logging/logger.ts'
import { startMetricsServer, type MetricsSource } from '../../metrics/metricsServer.ts'
import { loggableError } from '../discordRest/loggableError.ts'
import { onShutdownSignals, SHUTDOWN_MESSAGE } from '../shutdown/onShutdownSignals.ts'

/** Discord lets each rate-limit bucket identify once per 5 s; discord.js's own default spawn delay. */
const IDENTIFY_INTERVAL_MS = 5_500

interface GatewayBot {
  shards: number
  session_start_limit?: { max_concurrency?: number }
}

/** Discord's recommendation (GET /gateway/bot) of how many shards, and how many may identify at once. */
async function gatewayBot(environment: Environment, token: string): Promise<{ shards: number; maxConcurrency: number }> {
  const rest = new REST(environment.DISCORD_API_URL ? { api: environment.DISCORD_API_URL } : {}).setToken(token)
  const answer = (await rest.get(Routes.gatewayBot())) as GatewayBot
  return { shards: Math.max(1, answer.shards), maxConcurrency: Math.max(1, answer.session_start_limit?.max_concurrency ?? 1) }
}

/** Sums every shard's counters (prom-client's aggregation), plus guilds and shards seen by the manager. */
function shardedMetrics(manager: ShardingManager): MetricsSource {
  return async () => {
    const [perShard, guilds] = await Promise.all([
      manager.broadcastEval((client) => (client as unknown as { botMetricsJson?: () => Promise<object[]> }).botMetricsJson?.() ?? []),
      manager.fetchClientValues('guilds.cache.size') as Promise<number[]>,
    ])
    const registry = AggregatorRegistry.aggregate(perShard as object[])
    new Gauge({ name: 'bot_guilds', help: 'Guilds across all shards', registers: [registry] }).set(guilds.reduce((sum, count) => sum + count, 0))
    new Gauge({ name: 'bot_shards', help: 'Shards answering', registers: [registry] }).set(perShard.length)
    return { contentType: registry.contentType, text: await registry.metrics() }
  }
}

/** Asks every shard to drain (over IPC) and waits for them to exit, bounded. */
async function stopShards(manager: ShardingManager, timeoutMs: number, logger: Logger): Promise<void> {
  manager.respawn = false
  const exits = [...manager.shards.values()].map(
    (shard: Shard) =>
      new Promise<void>((resolve) => {
        const child = shard.process
        if (!child || child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        shard.send({ type: SHUTDOWN_MESSAGE }).catch(() => child.kill('SIGTERM'))
      }),
  )
  const deadline = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), timeoutMs).unref())
  if ((await Promise.race([Promise.all(exits), deadline])) === 'late') {
    logger.warn('shards still running after the shutdown timeout: killing them')
    for (const shard of manager.shards.values()) shard.process?.kill('SIGKILL')
  }
}

/**
 * `npm run start:sharded`: discord.js's ShardingManager runs one process per
 * shard, each the ordinary gateway bot (`src/main.ts`). The shard count is
 * Discord's recommendation or SHARD_COUNT. With METRICS_PORT, the manager
 * serves the shards' counters summed.
 */
export async function startShardedBot(environment: Environment): Promise<ShardingManager> {
  const token = environment.DISCORD_TOKEN
  if (!token) throw new ConfigurationError('DISCORD_TOKEN is not set (see .env.example)')
  const logger = createLogger(environment.LOG_LEVEL)
  const recommended = await gatewayBot(environment, token).catch((error: unknown) => {
    throw new ConfigurationError(`could not ask Discord how many shards to run: ${(error as Error).message}`)
  })
  const totalShards = environment.SHARD_COUNT === 'auto' ? recommended.shards : environment.SHARD_COUNT
  const typescript = import.meta.url.endsWith('.ts')
  const manager = new ShardingManager(fileURLToPath(new URL(`../../main.${typescript ? 'ts' : 'js'}`, import.meta.url)), {
    totalShards,
    token,
    mode: 'process',
    respawn: true,
    // Under `npm run start:sharded` the shards are TypeScript too.
    execArgv: typescript ? ['--import', 'tsx'] : [],
  })
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, totalShards }, 'shard launched')
    shard.on('death', () => logger.warn({ shard: shard.id }, 'shard process exited'))
  })
  const metricsServer = environment.METRICS_PORT !== undefined ? await startMetricsServer(shardedMetrics(manager), environment.METRICS_PORT, environment.METRICS_HOST) : null
  if (metricsServer) logger.info({ url: metricsServer.url }, 'serving metrics')
  onShutdownSignals(async (signal) => {
    logger.info({ signal, shards: manager.shards.size }, 'shutting down: stopping the shards')
    await stopShards(manager, environment.SHUTDOWN_TIMEOUT_MS + 2_000, logger)
    metricsServer?.server.close()
    logger.info('shut down')
  }, logger)
  logger.info({ totalShards, recommended: recommended.shards }, `starting ${totalShards} shard(s)`)
  await manager.spawn({ amount: totalShards, delay: Math.ceil(IDENTIFY_INTERVAL_MS / recommended.maxConcurrency), timeout: 60_000 })
  return manager
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\u0000')) {
  Promise.resolve()
    .then(() => startShardedBot(loadEnvironment()))
    .catch((error: unknown) => {
      const known = error instanceof ConfigurationError
      process.stderr.write(`start:sharded failed: ${known ? (error as Error).message : String(loggableError(error).message)}\n`)
      process.exit(1)
    })
}
