import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { REST } from 'discord.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands } from '../../commands/index.ts'
import { DEFAULT_CORPUS_DIR } from '../../src/config/paths.ts'
import { InteractionRouter } from '../../src/interactions/router.ts'
import { loadEngine } from '../../src/loadEngine.ts'
import { createLogger } from '../../src/logging/logger.ts'
import { startHttpEndpoint } from '../../src/transports/http/startHttpEndpoint.ts'
import { publicKeyFromHex } from '../../src/transports/http/verifySignature.ts'
import { CHECK_COMMAND_NAME } from '../../commands/check.ts'
import { buildBotMessage, option, PIN_MESSAGES, startFakeDiscord, type FakeDiscord } from '../discord-server/fakeDiscord.ts'
import { PermissionFlagsBits } from 'discord.js'
import { MemoryStorage } from '../../src/storage/memoryStorage.ts'

/**
 * The HTTP interactions transport: Discord POSTs signed interactions, the
 * endpoint answers in the HTTP response, using the very same command modules
 * and router as the gateway bot. REST calls (webhook edits, pins) go to the
 * local Discord-compatible server.
 */
const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GhttpT.httphttphttphttphttphttp01'
let discord: FakeDiscord
let url: string
let close: () => Promise<void>
let privateKey: KeyObject
const storage = new MemoryStorage()

function rawPublicKeyHex(publicKey: KeyObject): string {
  // The last 32 bytes of an Ed25519 SPKI are the raw key Discord shows in the portal.
  return (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex')
}

async function post(body: unknown, { signWith = privateKey, tamper = false } = {}): Promise<{ status: number; json: any }> {
  const text = JSON.stringify(body)
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = sign(null, Buffer.from(timestamp + text), signWith).toString('hex')
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
    body: tamper ? text.replace('ask', 'ASK') : text,
  })
  return { status: response.status, json: response.headers.get('content-type')?.includes('json') ? await response.json() : null }
}

beforeAll(async () => {
  discord = await startFakeDiscord({ token: TOKEN })
  const keys = generateKeyPairSync('ed25519')
  privateKey = keys.privateKey
  const endpoint = await startHttpEndpoint({
    port: 0,
    publicKey: publicKeyFromHex(rawPublicKeyHex(keys.publicKey)),
    deps: {
      engine: loadEngine(DEFAULT_CORPUS_DIR),
      router: new InteractionRouter(commands),
      rest: new REST({ api: discord.apiUrl }).setToken(TOKEN),
      botUserId: discord.botUser.id,
      logger: createLogger('silent'),
      storage,
    },
  })
  url = endpoint.url
  close = () => new Promise((resolve) => endpoint.server.close(() => resolve()))
})

afterAll(async () => {
  await close?.()
  await discord?.close()
})

describe('HTTP interactions endpoint', () => {
  it('GIVEN a signed PING THEN it answers PONG', async () => {
    const { status, json } = await post({ id: '1', application_id: discord.applicationId, type: 1, token: 't', version: 1 })
    expect(status).toBe(200)
    expect(json).toEqual({ type: 1 })
  })

  it.each([
    ['signed with another key', { signWith: generateKeyPairSync('ed25519').privateKey }],
    ['whose body was changed after signing', { tamper: true }],
  ])('GIVEN a request %s THEN it is refused with 401', async (_label, how) => {
    const { status } = await post(discord.slashCommand({ name: 'ask', options: [option.string('question', 'Who mediated?')] }), how)
    expect(status).toBe(401)
  })

  it('GIVEN a request without signature headers THEN it is refused with 401', async () => {
    const response = await fetch(url, { method: 'POST', body: JSON.stringify({ type: 1 }) })
    expect(response.status).toBe(401)
  })

  it('GIVEN /ask THEN the response is a reply quoting the article, pinging nobody', async () => {
    const { json } = await post(discord.slashCommand({ name: 'ask', options: [option.string('question', 'Where did the Taliban suffer defeat in 2001?')] }))
    expect(json.type).toBe(4)
    expect(json.data.embeds[0].description).toContain('Tora Bora')
    expect(json.data.allowed_mentions).toEqual({ parse: [], users: [] })
    expect(json.data.flags).toBeUndefined()
  })

  it('GIVEN autocomplete on /quote THEN it answers with at most 25 choices', async () => {
    const { json } = await post(discord.autocomplete({ name: 'quote', options: [option.string('query', 'tar')], focused: { name: 'query', value: 'tar' } } as never))
    expect(json.type).toBe(8)
    expect(json.data.choices.length).toBeGreaterThan(0)
    expect(json.data.choices.length).toBeLessThanOrEqual(25)
    expect(json.data.choices[0].name).toMatch(/Tarar/)
  })

  it('GIVEN an unknown command THEN the reply is ephemeral and names the known ones', async () => {
    const { json } = await post(discord.slashCommand({ name: 'ghost', options: [] }))
    expect(json.type).toBe(4)
    expect(json.data.flags).toBe(64)
    expect(json.data.content).toContain('/ask')
  })

  it('GIVEN the check message command THEN the claim is read from data.resolved.messages and answered ephemerally with a Post button', async () => {
    const target = discord.postUserMessage({ content: 'Pakistan allowed US drone operations from its territory' })
    const { json } = await post(discord.messageCommand({ name: CHECK_COMMAND_NAME, target }))
    expect(json.type).toBe(4)
    expect(json.data.flags).toBe(64)
    expect(json.data.embeds[0].description).toContain('Islamabad')
    expect(json.data.embeds[0].description).toContain('denies this')
    expect(json.data.components[0].components[0].custom_id).toBe(`check:post:${target.id}`)
  })

  it('GIVEN "Post in channel" over HTTP THEN the check is the public reply, pinging nobody; a deleted target is refused', async () => {
    const target = discord.postUserMessage({ content: 'Pakistan allowed US drone operations from its territory' })
    const checked = await post(discord.messageCommand({ name: CHECK_COMMAND_NAME, target }))
    const ephemeral = { ...buildBotMessage({ channelId: discord.channelId, author: discord.botUser, flags: 64, components: checked.json.data.components }), embeds: checked.json.data.embeds }
    const click = () => post(discord.button({ customId: `check:post:${target.id}`, message: ephemeral }))
    const { json } = await click()
    expect(json.type).toBe(4)
    expect(json.data.flags).toBeUndefined()
    expect(json.data.allowed_mentions).toEqual({ parse: [], users: [] })
    expect(json.data.embeds[0].description).toBe(checked.json.data.embeds[0].description)
    discord.deleteMessage(target.id)
    const refused = await click()
    expect(refused.json.data.flags).toBe(64)
    expect(refused.json.data.content).toMatch(/has been deleted/)
  })

  it('GIVEN /pin-summary by a moderator THEN it defers ephemerally, pins on the current route and edits the original response', async () => {
    const payload = discord.slashCommand({ name: 'pin-summary', options: [], memberPermissions: PIN_MESSAGES })
    const { json } = await post(payload)
    expect(json).toEqual({ type: 5, data: { flags: 64 } })
    const pin = await discord.waitForRequest((request) => request.method === 'PUT' && request.path.includes('/messages/pins/'))
    expect(pin.path).toMatch(/^\/channels\/\d+\/messages\/pins\/\d+$/)
    const edit = await discord.waitForRequest((request) => request.method === 'PATCH' && request.path.includes(`/webhooks/${payload.application_id}/${payload.token}/messages/@original`))
    expect(String((edit.body as { content?: string }).content)).toMatch(/pinned/i)
  })

  it('GIVEN unanswered /ask questions and /insights format:csv THEN it defers ephemerally and the edit carries the counts and the CSV file', async () => {
    const guildId = discord.guildId
    for (const question of ['Who won the football match?', 'who won the football match']) await post(discord.slashCommand({ name: 'ask', options: [option.string('question', question)] }))
    const payload = discord.slashCommand({ name: 'insights', options: [option.string('format', 'csv')], memberPermissions: PermissionFlagsBits.ManageGuild })
    expect(payload.guild_id).toBe(guildId)
    const { json } = await post(payload)
    expect(json).toEqual({ type: 5, data: { flags: 64 } })
    const edit = await discord.waitForRequest((request) => request.method === 'PATCH' && request.path.includes(`/webhooks/${payload.application_id}/${payload.token}/messages/@original`))
    const embed = (edit.body as { embeds: Array<{ fields: Array<{ name: string; value: string }> }> }).embeds[0]
    expect(embed?.fields[0]?.value).toMatch(/^1\. “(W|w)ho won the football match\??” — \*\*2 times\*\*/)
    expect(edit.files).toHaveLength(1)
    expect(edit.files[0]?.filename).toMatch(/^insights-7d-.*\.csv$/)
    expect(edit.files[0]?.data.toString('utf8')).toMatch(/^section,rank,item,count,up,down,where,detail\r\nunanswered,1,/)
  })
})
