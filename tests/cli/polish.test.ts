import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../engine/support.ts'
import { CLI, lines, runScript } from './spawn.ts'

/** What a new user hit: one clear line for each mistake, usage on --help, JSON and text agreeing. */
const START_HTTP = join(PROJECT_ROOT, 'src/transports/http/startHttpBot.ts')
const DEPLOY = join(PROJECT_ROOT, 'src/transports/gateway/deployCommands.ts')
const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GabcDE.abcdefghijklmnopqrstuvwxyz0123'
const HTTP_ENV = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '1300000000000000001', DISCORD_PUBLIC_KEY: 'ab'.repeat(32) }

let busy: Server
let busyPort = 0

beforeAll(async () => {
  busy = createServer()
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
  busyPort = (busy.address() as { port: number }).port
})

afterAll(() => {
  busy.close()
})

describe('start:http start-up failures', () => {
  it('GIVEN HTTP_PORT already in use THEN one line naming the port and the setting, exit 1', async () => {
    const run = await runScript(START_HTTP, [], { env: { ...HTTP_ENV, HTTP_PORT: String(busyPort) } })
    expect(run.code).toBe(1)
    expect(lines(run.stderr)).toEqual([`start:http failed: port ${busyPort} on 127.0.0.1 is already in use; stop the other program or set HTTP_PORT`])
  })

  it('GIVEN HTTP_HOST=999.1.1.1 THEN one line naming HTTP_HOST, exit 1', async () => {
    const run = await runScript(START_HTTP, [], { env: { ...HTTP_ENV, HTTP_HOST: '999.1.1.1', HTTP_PORT: '0' } })
    expect(run.code).toBe(1)
    expect(lines(run.stderr)).toHaveLength(1)
    expect(run.stderr).toMatch(/^start:http failed: cannot listen on HTTP_HOST=999\.1\.1\.1/)
  })

  it('GIVEN only DISCORD_PUBLIC_KEY missing THEN the line names only it', async () => {
    const run = await runScript(START_HTTP, [], { env: { ...HTTP_ENV, DISCORD_PUBLIC_KEY: undefined } })
    expect(run.code).toBe(1)
    expect(lines(run.stderr)).toEqual(['start:http failed: needs DISCORD_PUBLIC_KEY (see .env.example)'])
  })
})

describe('deploy-commands settings', () => {
  it('GIVEN only DISCORD_APPLICATION_ID missing THEN one line, the prefix once, naming only that setting', async () => {
    const run = await runScript(DEPLOY, [], { env: { DISCORD_TOKEN: TOKEN } })
    expect(run.code).toBe(1)
    expect(lines(run.stderr)).toEqual(['deploy-commands failed: DISCORD_APPLICATION_ID is not set (see .env.example)'])
  })

  it('GIVEN neither setting THEN both are named', async () => {
    const run = await runScript(DEPLOY, [])
    expect(lines(run.stderr)).toEqual(['deploy-commands failed: DISCORD_TOKEN and DISCORD_APPLICATION_ID are not set (see .env.example)'])
  })
})

describe('start:sharded settings', () => {
  it('GIVEN no DISCORD_TOKEN THEN one line naming it, exit 1', async () => {
    const run = await runScript(join(PROJECT_ROOT, 'src/transports/gateway/startShardedBot.ts'), [])
    expect(run.code).toBe(1)
    expect(lines(run.stderr)).toEqual(['start:sharded failed: DISCORD_TOKEN is not set (see .env.example)'])
  })

  it('GIVEN SHARD_COUNT=zero THEN the configuration error names SHARD_COUNT', async () => {
    const run = await runScript(join(PROJECT_ROOT, 'src/transports/gateway/startShardedBot.ts'), [], { env: { DISCORD_TOKEN: TOKEN, SHARD_COUNT: 'zero' } })
    expect(run.code).toBe(1)
    expect(lines(run.stderr)).toHaveLength(1)
    expect(run.stderr).toMatch(/SHARD_COUNT must be a positive whole number or auto/)
  })
})

describe('CLI options', () => {
  it('GIVEN an unknown option THEN one short line naming it, with balanced quotes, exit 2', async () => {
    const run = await runScript(CLI.ask, ['--bogus', 'x'])
    expect(run.code).toBe(2)
    expect(lines(run.stderr)).toHaveLength(1)
    expect(run.stderr).toMatch(/^unknown option --bogus — usage: npm run ask/)
    expect((run.stderr.match(/"/g) ?? []).length % 2).toBe(0)
  })

  it.each([
    ['ask', '--help'],
    ['ask', '-h'],
    ['quote', '--help'],
    ['summary', '-h'],
  ] as const)('GIVEN %s %s THEN the usage goes to stdout and it exits 0', async (command, flag) => {
    const run = await runScript(CLI[command], [flag])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(new RegExp(`^usage: npm run ${command}`))
    expect(run.stderr).toBe('')
  })

  it('GIVEN -- before --help THEN --help is the question, not a flag', async () => {
    const run = await runScript(CLI.ask, ['--', '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).not.toMatch(/^usage:/)
  })

  it('JSON names a passage’s place exactly as the text output does; section stays null before the first heading', async () => {
    const question = 'What did Pakistan warn the Taliban?'
    const [json, text] = await Promise.all([runScript(CLI.ask, ['--json', question]), runScript(CLI.ask, [question])])
    const parsed = JSON.parse(json.stdout) as { passages: Array<{ section: string | null; paragraph: number; location: string }> }
    expect(parsed.passages.length).toBeGreaterThan(0)
    for (const passage of parsed.passages) {
      if (passage.section === null) expect(passage.location).toContain(' · Opening · ')
      else expect(passage.location).toContain(` · ${passage.section} · `)
    }
    expect(text.stdout).toContain(`— ${parsed.passages[0]?.location}`)
  })
})
