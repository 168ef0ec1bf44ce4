import { Events, type Client } from 'discord.js'
import type { Environment } from '../../config/environment.ts'
import type { Engine } from '../../engine/engine.ts'
import type { Logger } from '../../logging/logger.ts'
import type { BotMetrics } from '../../metrics/botMetrics.ts'
import { watchRest } from '../discordRest/restMetrics.ts'

export interface GatewayMetrics {
  metrics: BotMetrics
  close(): void
}

/**
 * Metrics for the gateway bot, only when someone reads them: METRICS_PORT
 * is set (served here), or a ShardingManager sums them (served by it).
 * Otherwise prom-client is not even loaded.
 */
export async function gatewayMetrics(client: Client, options: { environment: Environment; engine: Engine; engineBuildMs: number; commandNames: string[]; logger: Logger }): Promise<GatewayMetrics | null> {
  const { environment, logger } = options
  const underManager = 'SHARDING_MANAGER' in process.env
  if (environment.METRICS_PORT === undefined && !underManager) return null
  const [{ BotMetrics }, { registrySource, startMetricsServer }] = await Promise.all([import('../../metrics/botMetrics.ts'), import('../../metrics/metricsServer.ts')])
  const metrics = new BotMetrics(options.commandNames)
  metrics.recordEngine(options.engineBuildMs, options.engine.articles().length)
  watchRest(client.rest, metrics)
  client.on(Events.ShardReconnecting, () => metrics.gatewayReconnects.inc())
  client.on(Events.ShardResume, () => metrics.gatewayResumes.inc())
  // For a ShardingManager's broadcastEval: each shard hands over its counters to be summed.
  Object.assign(client, { botMetricsJson: () => metrics.registry.getMetricsAsJSON() })
  const server = environment.METRICS_PORT !== undefined && !underManager ? await startMetricsServer(registrySource(metrics.registry), environment.METRICS_PORT, environment.METRICS_HOST) : null
  if (server) logger.info({ url: server.url }, 'serving metrics')
  return { metrics, close: () => server?.server.close() }
}
