import { generateKeyPairSync, sign } from 'node:crypto'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_CORPUS_DIR } from '../../src/config/paths.ts'
import { option, startFakeDiscord, type FakeDiscord } from '../discord-server/fakeDiscord.ts'
import { Child, childEnv } from './helpers.ts'

/**
 * HTTP interactions mode serves the live corpus too: an article file landing
 * in CORPUS_DIR is answered from within seconds, with no restart.
 */
const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GhttpL.httplivehttplivehttplive01'
const keys = generateKeyPairSync('ed25519')
const PUBLIC_KEY_HEX = (keys.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex')

const ARTICLE = `---
title: "Dockers strike at the port of Veldhaven"
---

Dockers at the port of Veldhaven walked out on Monday in a dispute over night-shift pay, the Harbour Workers' Guild said.

"We will stay out until the night rate is restored," said Ines Marlow, the guild's secretary.
`

let discord: FakeDiscord
let folder: string
let bot: Child | undefined

async function ask(url: string, question: string): Promise<string> {
  const body = JSON.stringify(discord.slashCommand({ name: 'ask', options: [option.string('question', question)] }))
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey).toString('hex')
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } })
  const json = (await response.json()) as { data?: { embeds?: Array<{ description?: string }> } }
  return json.data?.embeds?.[0]?.description ?? ''
}

beforeAll(async () => {
  discord = await startFakeDiscord({ token: TOKEN })
  folder = mkdtempSync(join(tmpdir(), 'http-live-corpus-'))
  copyFileSync(join(DEFAULT_CORPUS_DIR, 'istanbul-talks.md'), join(folder, 'istanbul-talks.md'))
})

afterEach(async () => {
  await bot?.stop()
  bot = undefined
})

afterAll(async () => {
  await discord.close()
  rmSync(folder, { recursive: true, force: true })
})

describe('HTTP mode: the live corpus', () => {
  it('GIVEN a new article file WHEN it lands in CORPUS_DIR THEN /ask answers from it within 5 s, without a restart', async () => {
    bot = new Child(
      ['src/transports/http/startHttpBot.ts'],
      childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl, DISCORD_PUBLIC_KEY: PUBLIC_KEY_HEX, HTTP_PORT: '0', CORPUS_DIR: folder }),
    )
    const url = String((await bot.waitForLog((line) => line.msg === 'listening for interactions', 20_000)).url)
    const question = 'Why did the dockers at Veldhaven walk out?'
    expect(await ask(url, question)).not.toContain('night-shift pay')
    writeFileSync(join(folder, 'veldhaven-strike.md'), ARTICLE)
    const landed = Date.now()
    let answer = ''
    // Bounded: at most 5 s of asking, every 200 ms.
    while (Date.now() - landed < 5_000 && !answer.includes('night-shift pay')) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      answer = await ask(url, question)
    }
    expect(answer).toContain('night-shift pay')
  }, 40_000)
})
