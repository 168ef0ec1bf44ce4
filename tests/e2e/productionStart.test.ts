import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { option, startFakeDiscord, type FakeDiscord } from '../discord-server/fakeDiscord.ts'
import { BOT_TOKEN, childEnv, REPLY_TIMEOUT, ROOT, waitUntil } from './helpers.ts'

/**
 * The production start: `npm run build` compiles to dist/ and `npm run start:prod`
 * runs it with plain node (no tsx). Started through npm, SIGTERM still reaches the
 * bot: it drains, closes the gateway with 1000, and npm exits 0.
 */
let discord: FakeDiscord

beforeAll(() => {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'pipe' })
}, 180_000)

afterAll(async () => {
  await discord?.close()
})

describe('production start', () => {
  it('npm run build writes plain JavaScript that node runs', () => {
    expect(existsSync(join(ROOT, 'dist/src/main.js'))).toBe(true)
    expect(existsSync(join(ROOT, 'dist/commands/index.js'))).toBe(true)
  })

  it('GIVEN npm run start:prod WHEN npm gets SIGTERM THEN the bot drains, closes with 1000 and npm exits 0', async () => {
    discord = await startFakeDiscord({ token: BOT_TOKEN })
    const npm = spawn('npm', ['run', '-s', 'start:prod'], { cwd: ROOT, env: childEnv({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: discord.apiUrl }), stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => npm.once('close', (code) => resolve(code)))
    try {
      await discord.waitForReady(20_000)
      await waitUntil(() => output.includes('ready in'), 'the ready log line', 20_000)
      const callback = await discord.dispatchInteraction(discord.slashCommand({ name: 'ask', options: [option.string('question', 'Who mediated the talks?')] })).waitForCallback(REPLY_TIMEOUT)
      expect(callback.type).toBe(4)
      expect(output).not.toContain('tsx')
      npm.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(output).toContain('"msg":"shut down"')
      expect(discord.gatewayCloses.map((close) => close.code)).toEqual([1000])
      expect(discord.isClientConnected()).toBe(false)
    } finally {
      npm.kill('SIGKILL')
    }
  }, 60_000)
})
