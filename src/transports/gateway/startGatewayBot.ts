import { performance } from 'node:perf_hooks'
import { Client, Events, GatewayIntentBits } from 'discord.js'
import { commands } from '../../../commands/index.ts'
import type { Environment } from '../../config/environment.ts'
import type { ArticleLibrary } from '../../interactions/articleLibrary.ts'
import { InteractionRouter } from '../../interactions/router.ts'
import type { EngineSource } from '../../live/liveCorpus.ts'
import { createLogger, type Logger } from '../../logging/logger.ts'
import { loggableError } from '../discordRest/loggableError.ts'
import { handleInteraction } from './handleInteraction.ts'

/** A start-up failure with a message fit for the operator (no stack, no secrets). */
export class StartupError extends Error {
  override name = 'StartupError'
}

export interface GatewayBotOptions {
  engines: EngineSource
  library?: ArticleLibrary
  environment: Environment
  token: string
  logger?: Logger
}

/**
 * Logs in over the gateway with the Guilds intent only (slash commands need
 * no privileged intents) and answers interactions until stopped.
 */
export async function startGatewayBot({ engines, library, environment, token, logger = createLogger(environment.LOG_LEVEL) }: GatewayBotOptions): Promise<Client> {
  const started = performance.now()
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(environment.DISCORD_API_URL ? { rest: { api: environment.DISCORD_API_URL } } : {}),
  })
  const router = new InteractionRouter(commands)
  const deps = { engines, ...(library ? { library } : {}), router, rest: client.rest, botUserId: () => client.user?.id ?? '', logger }

  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(interaction, deps)
  })
  client.once(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, startupMs: Math.round(performance.now() - started) }, `ready in ${ready.guilds.cache.size} guild(s)`)
  })
  client.on(Events.Error, (error) => logger.error({ err: loggableError(error) }, 'client error'))

  const stop = () => {
    logger.info('shutting down')
    void client.destroy().finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

  try {
    await client.login(token)
  } catch (error) {
    await client.destroy()
    const code = (error as { code?: string }).code
    if (code === 'TokenInvalid') throw new StartupError('Discord rejected DISCORD_TOKEN (401 Unauthorized). Copy the token again from the Bot page of the developer portal.')
    throw new StartupError(`could not connect to Discord: ${(error as Error).message}`)
  }
  return client
}
