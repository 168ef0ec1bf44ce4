import { REST, Routes } from 'discord.js'
import { commandDefinitions } from '../../../commands/index.ts'
import type { Environment } from '../../config/environment.ts'
import { loadEnvironment } from '../../config/loadEnvironment.ts'

export interface DeployResult {
  route: string
  count: number
}

/**
 * One bulk PUT of every command definition: to DISCORD_GUILD_ID when set
 * (instant, for development), else global. Run when commands change, not on every start.
 */
export async function deployCommands(environment: Environment): Promise<DeployResult> {
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_GUILD_ID: guildId } = environment
  const missing = Object.entries({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId }).flatMap(([name, value]) => (value ? [] : [name]))
  if (!token || !applicationId) throw new Error(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set (see .env.example)`)
  const rest = new REST(environment.DISCORD_API_URL ? { api: environment.DISCORD_API_URL } : {}).setToken(token)
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId)
  const registered = (await rest.put(route, { body: commandDefinitions() })) as unknown[]
  return { route, count: registered.length }
}

async function main(): Promise<void> {
  const environment = loadEnvironment()
  const { route, count } = await deployCommands(environment)
  const scope = environment.DISCORD_GUILD_ID ? `guild ${environment.DISCORD_GUILD_ID} (available at once)` : 'global (may take up to an hour to appear)'
  process.stdout.write(`Registered ${count} commands, ${scope}: PUT ${route}\n`)
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\u0000')) {
  main().catch((error: unknown) => {
    const status = (error as { status?: number }).status
    const reason = status === 401 ? 'Discord rejected DISCORD_TOKEN (401 Unauthorized)' : (error as Error).message
    process.stderr.write(`deploy-commands failed: ${reason}\n`)
    process.exit(1)
  })
}
