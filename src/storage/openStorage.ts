import { join } from 'node:path'
import type { Environment } from '../config/environment.ts'
import { NoStorage } from './noStorage.ts'
import type { Storage } from './storage.ts'

/** The log this module writes to: one line when storage opens, one when it cannot. */
export interface StorageLog {
  info(fields: object, message: string): void
  error(fields: object, message: string): void
}

export const SQLITE_FILE = 'bot.sqlite'

/** A connection URL fit for a log line: scheme, host, port and database, never the user's password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`
  } catch {
    return 'an unreadable DATABASE_URL'
  }
}

/** What went wrong, in a few words: the driver's message minus anything that could echo the URL. */
function problemOf(error: unknown, databaseUrl?: string): string {
  const code = (error as { code?: string })?.code
  let message = (error as Error)?.message ?? String(error)
  if (databaseUrl) message = message.split(databaseUrl).join('[DATABASE_URL]')
  return code ? `${message} (${code})` : message
}

/**
 * Picks the adapter from the environment: PostgreSQL when DATABASE_URL is set,
 * else SQLite at DATA_DIR/bot.sqlite. A database that cannot be opened,
 * migrated or written (corrupt, read-only, server down) gives one clear log
 * line and NoStorage: the bot keeps answering, without memory.
 */
export async function openStorage(environment: Pick<Environment, 'DATA_DIR' | 'DATABASE_URL'>, log: StorageLog): Promise<Storage> {
  if (environment.DATABASE_URL) {
    const where = describeDatabaseUrl(environment.DATABASE_URL)
    try {
      const { PostgresStorage } = await import('./postgresStorage.ts')
      const storage = await PostgresStorage.open(environment.DATABASE_URL)
      log.info({ storage: storage.kind, database: where }, `storage: PostgreSQL at ${where}`)
      return storage
    } catch (error) {
      const problem = problemOf(error, environment.DATABASE_URL)
      log.error({ storage: 'none', database: where, problem }, `storage off: PostgreSQL at ${where} cannot be used (${problem}); answering without storage`)
      return new NoStorage(`the PostgreSQL database cannot be used (${problem})`)
    }
  }
  const file = join(environment.DATA_DIR, SQLITE_FILE)
  try {
    const { SqliteStorage } = await import('./sqliteStorage.ts')
    const storage = new SqliteStorage(file)
    log.info({ storage: storage.kind, file }, `storage: SQLite at ${file}`)
    return storage
  } catch (error) {
    const problem = problemOf(error)
    log.error({ storage: 'none', file, problem }, `storage off: ${file} cannot be used (${problem}); answering without storage`)
    return new NoStorage(`the database file cannot be used (${problem})`)
  }
}
