import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { LATEST_VERSION } from '../../src/storage/migrations.ts'
import { SqliteStorage } from '../../src/storage/sqliteStorage.ts'
import { storageContract } from './storageContract.ts'

const folder = mkdtempSync(join(tmpdir(), 'bot-sqlite-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
let files = 0

storageContract('SQLite', async () => {
  const file = join(folder, `store-${++files}`, 'bot.sqlite')
  const storage = new SqliteStorage(file)
  return {
    storage,
    reopen: async () => {
      await storage.close()
      return new SqliteStorage(file)
    },
  }
}, { persistent: true })

describe('the SQLite file', () => {
  it('is in WAL mode and at the latest schema version, applied once across reopens', async () => {
    const file = join(folder, 'wal', 'bot.sqlite')
    await new SqliteStorage(file).close()
    await new SqliteStorage(file).close()
    const db = new Database(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.prepare('SELECT version FROM schema_version ORDER BY version').all()).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => ({ version: i + 1 })))
    db.close()
  })

  it('refuses a database written by newer code', async () => {
    const file = join(folder, 'newer', 'bot.sqlite')
    await new SqliteStorage(file).close()
    const db = new Database(file)
    db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(LATEST_VERSION + 1, Date.now())
    db.close()
    expect(() => new SqliteStorage(file)).toThrow(/newer than this code/)
  })
})
