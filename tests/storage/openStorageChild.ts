/**
 * Opens storage the way the bot does and prints what happened as one JSON
 * line: run as a separate process so the read-only test can run as an
 * unprivileged user (root writes to read-only files).
 */
import { openStorage } from '../../src/storage/openStorage.ts'

const lines: Array<{ level: string; fields: object; message: string }> = []
const log = {
  info: (fields: object, message: string) => lines.push({ level: 'info', fields, message }),
  error: (fields: object, message: string) => lines.push({ level: 'error', fields, message }),
}
const storage = await openStorage({ DATA_DIR: process.argv[2] as string, DATABASE_URL: undefined }, log)
await storage.recordCommandUse({ guildId: null, command: 'ask', at: new Date() })
await storage.close()
process.stdout.write(`${JSON.stringify({ kind: storage.kind, lines })}\n`)
