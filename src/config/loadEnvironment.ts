import { config as loadDotenv } from 'dotenv'
import { parseEnvironment, type Environment } from './environment.ts'

/**
 * Reads `.env` (or the file DOTENV_CONFIG_PATH names) into the process
 * environment without overriding what is already set, then validates it all.
 */
export function loadEnvironment(): Environment {
  const path = process.env.DOTENV_CONFIG_PATH?.trim()
  loadDotenv({ quiet: true, ...(path ? { path } : {}) })
  return parseEnvironment(process.env)
}
