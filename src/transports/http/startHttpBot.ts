import { REST } from 'discord.js'
import { commands } from '../../../commands/index.ts'
import type { Environment } from '../../config/environment.ts'
import { loadEnvironment } from '../../config/loadEnvironment.ts'
import { InteractionRouter } from '../../interactions/router.ts'
import { createLogger } from '../../logging/logger.ts'
import { loadEngine } from '../../loadEngine.ts'
import { prepareWordVectors } from '../../semantics/sharedVectors.ts'
import { startHttpEndpoint } from './startHttpEndpoint.ts'
import { publicKeyFromHex } from './verifySignature.ts'

/**
 * `npm run start:http`: the bot as an HTTP interactions endpoint (no gateway).
 * Set the application's Interactions Endpoint URL in the developer portal to
 * this server, behind HTTPS.
 */
export async function startHttpBot(environment: Environment) {
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_PUBLIC_KEY: publicKey } = environment
  if (!token || !applicationId || !publicKey) {
    throw new Error('start:http needs DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_PUBLIC_KEY (see .env.example)')
  }
  const logger = createLogger(environment.LOG_LEVEL)
  await prepareWordVectors((line) => logger.info(line))
  const rest = new REST(environment.DISCORD_API_URL ? { api: environment.DISCORD_API_URL } : {}).setToken(token)
  const endpoint = await startHttpEndpoint({
    port: environment.HTTP_PORT,
    host: environment.HTTP_HOST,
    publicKey: publicKeyFromHex(publicKey),
    // A bot application's user id is its application id.
    deps: { engine: loadEngine(environment.CORPUS_DIR), router: new InteractionRouter(commands), rest, botUserId: applicationId, logger },
  })
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
