import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { NoStorage } from '../../src/storage/noStorage.ts'
import { describeDatabaseUrl, openStorage, SQLITE_FILE } from '../../src/storage/openStorage.ts'
import { SqliteStorage } from '../../src/storage/sqliteStorage.ts'
import { ROOT } from '../e2e/helpers.ts'

const folder = mkdtempSync(join(tmpdir(), 'bot-open-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
let folders = 0
const dataDir = () => join(folder, `data-${++folders}`)

function recordingLog() {
  const lines: Array<{ level: 'info' | 'error'; fields: object; message: string }> = []
  return {
    lines,
    info: (fields: object, message: string) => lines.push({ level: 'info', fields, message }),
    error: (fields: object, message: string) => lines.push({ level: 'error', fields, message }),
  }
}

describe('openStorage', () => {
  it('opens SQLite at DATA_DIR/bot.sqlite, creating the folder, with one info line', async () => {
    const dir = dataDir()
    const log = recordingLog()
    const storage = await openStorage({ DATA_DIR: dir, DATABASE_URL: undefined }, log)
    await storage.close()
    expect(storage.kind).toBe('sqlite')
    expect(log.lines).toEqual([expect.objectContaining({ level: 'info', message: `storage: SQLite at ${join(dir, SQLITE_FILE)}` })])
  })

  it('answers a file that is not a database with one error line and NoStorage', async () => {
    const dir = dataDir()
    mkdirSync(dir)
    writeFileSync(join(dir, SQLITE_FILE), 'this was never a database\n'.repeat(200))
    const log = recordingLog()
    const storage = await openStorage({ DATA_DIR: dir, DATABASE_URL: undefined }, log)
    expect(storage).toBeInstanceOf(NoStorage)
    expect(log.lines).toHaveLength(1)
    expect(log.lines[0]).toMatchObject({ level: 'error' })
    expect(log.lines[0]?.message).toMatch(/^storage off: .*bot\.sqlite cannot be used \(file is not a database \(SQLITE_NOTADB\)\); answering without storage$/)
    // NoStorage answers every call, empty.
    await expect(storage.recordUnanswered({ guildId: null, question: 'q', article: null, at: new Date() })).resolves.toBeUndefined()
    await expect(storage.unansweredQuestions({ guildId: null, since: new Date(0) })).resolves.toEqual([])
  })

  it('answers a database whose pages were overwritten with one error line and NoStorage', async () => {
    const dir = dataDir()
    const file = join(dir, SQLITE_FILE)
    const made = new SqliteStorage(file)
    await made.recordCommandUse({ guildId: null, command: 'ask', at: new Date() })
    await made.close()
    // Keep SQLite's 100-byte header, scramble the rest.
    const bytes = readFileSync(file)
    for (let i = 100; i < bytes.length; i++) bytes[i] = (i * 31) % 251
    writeFileSync(file, bytes)
    const log = recordingLog()
    const storage = await openStorage({ DATA_DIR: dir, DATABASE_URL: undefined }, log)
    expect(storage.kind).toBe('none')
    expect(log.lines.map((line) => line.level)).toEqual(['error'])
    expect(log.lines[0]?.message).toMatch(/cannot be used \(.*(malformed|not a database).*\)/)
  })

  it('answers a read-only database file with one error line and NoStorage', () => {
    const dir = dataDir()
    const file = join(dir, SQLITE_FILE)
    new SqliteStorage(file).close()
    // The folder stays writable: only the file is read-only.
    chmodSync(folder, 0o755)
    chmodSync(dir, 0o777)
    chmodSync(file, 0o444)
    // Root may write to any file, so as root the opening runs as an unprivileged user.
    const asRoot = process.getuid?.() === 0
    const command = asRoot ? 'runuser' : process.execPath
    const args = [...(asRoot ? ['-u', 'nobody', '--', process.execPath] : []), '--import', 'tsx', 'tests/storage/openStorageChild.ts', dir]
    const output = execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, HOME: folder } })
    const result = JSON.parse(output.trim().split('\n').pop() as string) as { kind: string; lines: Array<{ level: string; message: string }> }
    expect(result.kind).toBe('none')
    expect(result.lines.map((line) => line.level)).toEqual(['error'])
    expect(result.lines[0]?.message).toMatch(/bot\.sqlite cannot be used \(attempt to write a readonly database \(SQLITE_READONLY.*\)\); answering without storage$/)
  })

  it('answers a PostgreSQL server it cannot reach with one error line that never shows the password', async () => {
    const log = recordingLog()
    // Port 1 on loopback: nothing listens there.
    const url = 'postgres://bot:s3cret-pass@127.0.0.1:1/botdb'
    const storage = await openStorage({ DATA_DIR: dataDir(), DATABASE_URL: url }, log)
    expect(storage.kind).toBe('none')
    expect(log.lines).toHaveLength(1)
    expect(log.lines[0]?.message).toMatch(/^storage off: PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/botdb cannot be used \(.+\); answering without storage$/)
    expect(JSON.stringify(log.lines)).not.toMatch(/s3cret-pass|bot:/)
  })

  it('describes a connection URL without its user or password', () => {
    expect(describeDatabaseUrl('postgresql://admin:p%40ss@db.internal:5433/insights?sslmode=require')).toBe('postgresql://db.internal:5433/insights')
    expect(describeDatabaseUrl('postgres://[broken')).toBe('an unreadable DATABASE_URL')
  })
})
