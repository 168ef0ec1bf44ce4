import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { numberPlaceholders, PostgresStorage } from '../../src/storage/postgresStorage.ts'
import { storageContract } from './storageContract.ts'
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwawayPostgres.ts'

// One real server for the file, a fresh database per test.
const server: ThrowawayPostgres = await startThrowawayPostgres()
if ('skipped' in server) console.warn(`PostgreSQL storage tests skipped: ${server.skipped}`)
const running = 'url' in server ? server : null

let admin: pg.Client | null = null
beforeAll(async () => {
  if (!running) return
  admin = new pg.Client({ connectionString: running.url() })
  await admin.connect()
})
afterAll(async () => {
  await admin?.end()
  running?.stop()
})

let databases = 0
async function freshDatabase(): Promise<string> {
  const name = `store_${++databases}`
  await admin?.query(`CREATE DATABASE ${name}`)
  return (running as NonNullable<typeof running>).url(name)
}

describe.skipIf(!running)('PostgreSQL', () => {
  storageContract('PostgreSQL', async () => {
    const url = await freshDatabase()
    const storage = await PostgresStorage.open(url)
    return {
      storage,
      reopen: async () => {
        await storage.close()
        return PostgresStorage.open(url)
      },
    }
  }, { persistent: true })

  it('migrates once when several processes open the same database at the same time', async () => {
    const url = await freshDatabase()
    const stores = await Promise.all([PostgresStorage.open(url), PostgresStorage.open(url), PostgresStorage.open(url)])
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const { rows } = await client.query('SELECT version FROM schema_version')
    await client.end()
    for (const store of stores) await store.close()
    expect(rows).toEqual([{ version: 1 }])
  })
})

describe('placeholders for PostgreSQL', () => {
  it('numbers each ? in order', () => {
    expect(numberPlaceholders('INSERT INTO t (a, b) VALUES (?, ?)')).toBe('INSERT INTO t (a, b) VALUES ($1, $2)')
  })
})
