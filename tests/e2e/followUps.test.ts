/**
 * End to end: /ask's follow-up buttons and 👍/👎 feedback, through the real
 * discord.js Client against the Discord-compatible server. The bot runs in
 * this process, started by `startGatewayBot` exactly as `npm start` starts it,
 * but handed a MemoryStorage, so the votes are read back through the very
 * storage port it wrote them to.
 *
 * Assertions are on facts of the article (`corpus/istanbul-talks.md`), flags,
 * routes and limits; never on the engine's exact wording.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { REST, type APIMessage, type Client } from 'discord.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseEnvironment } from '../../src/config/environment.ts'
import { DEFAULT_CORPUS_DIR } from '../../src/config/paths.ts'
import { loadEngine } from '../../src/loadEngine.ts'
import { createLogger } from '../../src/logging/logger.ts'
import { MemoryStorage } from '../../src/storage/memoryStorage.ts'
import { startGatewayBot } from '../../src/transports/gateway/startGatewayBot.ts'
import { commands } from '../../commands/index.ts'
import { feedbackSalt } from '../../src/interactions/feedback.ts'
import { InteractionRouter } from '../../src/interactions/router.ts'
import { startHttpEndpoint } from '../../src/transports/http/startHttpEndpoint.ts'
import { publicKeyFromHex } from '../../src/transports/http/verifySignature.ts'
import { buildUser, option, startFakeDiscord, type CallbackData, type FakeDiscord } from '../discord-server/fakeDiscord.ts'
import { ARTICLE, BOT_TOKEN, PARAGRAPHS, READY_TIMEOUT, REPLY_TIMEOUT, limitBreaches, messageBodyOf, normalise, unmarkdown, unquote } from './helpers.ts'

const EPHEMERAL = 64
type Button = { custom_id?: string; label?: string; disabled?: boolean; emoji?: { name?: string } }

let discord: FakeDiscord
let client: Client
const storage = new MemoryStorage()
/** Signal listeners startGatewayBot adds, taken off again after the run (this process is the test runner's). */
const listenersBefore = { SIGTERM: process.listeners('SIGTERM'), SIGINT: process.listeners('SIGINT'), message: process.listeners('message') }

beforeAll(async () => {
  discord = await startFakeDiscord({ token: BOT_TOKEN })
  const environment = parseEnvironment({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: discord.apiUrl, DISCORD_APPLICATION_ID: discord.applicationId, COOLDOWN_MAX: '0', LOG_LEVEL: 'silent' })
  const engine = loadEngine(DEFAULT_CORPUS_DIR)
  client = await startGatewayBot({ engines: { current: () => engine }, environment, token: BOT_TOKEN, logger: createLogger('silent'), storage })
  await discord.waitForReady(READY_TIMEOUT)
  await new Promise<void>((resolve) => (client.isReady() ? resolve() : client.once('clientReady', () => resolve())))
})

afterAll(async () => {
  await client?.destroy()
  await discord?.close()
  for (const event of ['SIGTERM', 'SIGINT', 'message'] as const) {
    const before: unknown[] = listenersBefore[event]
    for (const listener of process.listeners(event as 'SIGTERM')) if (!before.includes(listener)) process.removeListener(event as 'SIGTERM', listener)
  }
})

function buttonsOf(data: { components?: unknown[] }): Button[] {
  return ((data.components ?? []) as Array<{ components?: Button[] }>).flatMap((row) => row.components ?? [])
}

function labelled(data: { components?: unknown[] }, label: string): Button {
  const found = buttonsOf(data).find((button) => button.label === label)
  if (!found?.custom_id) throw new Error(`no "${label}" button among ${JSON.stringify(buttonsOf(data).map((button) => button.label ?? button.emoji?.name))}`)
  return found
}

async function ask(question: string): Promise<{ data: CallbackData; message: APIMessage }> {
  const handle = discord.dispatchInteraction(discord.slashCommand({ name: 'ask', options: [option.string('question', question)] }))
  const callback = await handle.waitForCallback(REPLY_TIMEOUT)
  expect(callback.type).toBe(4)
  expect(callback.status).toBeLessThan(300)
  const message = handle.originalMessage()
  expect(message, 'the answer was stored as a message').not.toBeNull()
  return { data: callback.data, message: message as APIMessage }
}

async function press(message: APIMessage, customId: string, user = discord.user): Promise<{ type: number; data: CallbackData; message: APIMessage | null }> {
  const handle = discord.dispatchInteraction(discord.button({ customId, message, user }))
  const callback = await handle.waitForCallback(REPLY_TIMEOUT)
  expect(callback.status, JSON.stringify(callback.request.response)).toBeLessThan(300)
  return { type: callback.type, data: callback.data, message: handle.originalMessage() }
}

const isEphemeral = (data: CallbackData) => ((data.flags ?? 0) & EPHEMERAL) === EPHEMERAL
/** The block-quoted lines of a description, as plain text. */
const quotedLines = (description: string) =>
  unquote(description.split('\n').filter((line) => line.startsWith('> ')).join('\n'))
    .split('\n')
    .map((line) => normalise(unmarkdown(line)))
    .filter(Boolean)

describe('More', () => {
  it('GIVEN an answer with further passages THEN More answers ephemerally with passages of the article the answer does not show; Next turns that page in place', async () => {
    const { data, message } = await ask('What did the Taliban say about Pakistan?')
    const first = await press(message, labelled(data, 'More').custom_id as string)
    expect(first.type).toBe(4)
    expect(isEphemeral(first.data)).toBe(true)
    const lines = quotedLines(first.data.embeds?.[0]?.description ?? '')
    expect(lines.length).toBeGreaterThan(0)
    const answerText = normalise(unmarkdown(data.embeds?.[0]?.description ?? '') + (data.embeds?.[0]?.fields ?? []).map((field) => unmarkdown(field.value)).join(' '))
    for (const line of lines) {
      expect(PARAGRAPHS.some((paragraph) => normalise(paragraph).includes(line)), line).toBe(true)
      expect(answerText.includes(line), `${line} is already in the answer`).toBe(false)
    }
    // The answer everyone sees is unchanged.
    expect(discord.message(message.id)?.embeds).toEqual(message.embeds)
    const next = labelled(first.data, 'Next ▶')
    expect(next.disabled).toBe(false)
    const second = await press(first.message as APIMessage, next.custom_id as string)
    expect(second.type).toBe(7)
    const secondLines = quotedLines(second.data.embeds?.[0]?.description ?? '')
    expect(secondLines.length).toBeGreaterThan(0)
    expect(secondLines.some((line) => lines.includes(line))).toBe(false)
  })
})

describe('Context and Whole quote', () => {
  it('GIVEN Context THEN an ephemeral reply with the quoted paragraph between the paragraphs before and after it, verbatim, in order', async () => {
    const { data, message } = await ask('What about suicide bombing?')
    const context = await press(message, labelled(data, 'Context').custom_id as string)
    expect(context.type).toBe(4)
    expect(isEphemeral(context.data)).toBe(true)
    const shown = normalise(unmarkdown(unquote(context.data.embeds?.[0]?.description ?? '')))
    const answered = normalise(unmarkdown(unquote(data.embeds?.[0]?.description ?? '')))
    const index = PARAGRAPHS.findIndex((paragraph) => normalise(paragraph) === answered)
    expect(index, 'the answer quotes one paragraph whole').toBeGreaterThan(0)
    const at = [index - 1, index, index + 1].map((i) => shown.indexOf(normalise(PARAGRAPHS[i] as string)))
    expect(at.every((position) => position >= 0), JSON.stringify(at)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
  })

  it('GIVEN an answer sentence that cuts a quotation THEN Whole quote shows the quotation whole, verbatim from the article, with who said it', async () => {
    const { data, message } = await ask('What about suicide bombing?')
    const bold = normalise(unmarkdown(/\*\*([\s\S]+?)\*\*/.exec(data.embeds?.[0]?.description ?? '')?.[1] ?? ''))
    const whole = await press(message, labelled(data, 'Whole quote').custom_id as string)
    expect(whole.type).toBe(4)
    expect(isEphemeral(whole.data)).toBe(true)
    const description = unmarkdown(whole.data.embeds?.[0]?.description ?? '')
    const quotation = normalise(/“([^”]+)”/.exec(unquote(description))?.[1] ?? '')
    expect(normalise(ARTICLE)).toContain(quotation)
    // The answer sentence is part of the quotation, and the quotation goes beyond it.
    expect(quotation.length).toBeGreaterThan(bold.length)
    expect(quotation).toContain(bold.replace(/^“/, '').slice(0, 40))
    expect(description).toMatch(/Asif/)
  })

  it('GIVEN a follow-up id naming no passage THEN one clear ephemeral reply', async () => {
    const { message } = await ask('What about suicide bombing?')
    const stale = await press(message, 'ask:c:istanbul-talks-p999')
    expect(stale.type).toBe(4)
    expect(isEphemeral(stale.data)).toBe(true)
    expect(stale.data.content).toMatch(/out of date/i)
  })
})

describe('feedback', () => {
  it('GIVEN 👍 then 👎 from one user on one answer THEN each is acknowledged ephemerally and the storage counts one 👎', async () => {
    const { data, message } = await ask('Who mediated the talks?')
    const [up, down] = buttonsOf(data).filter((button) => button.emoji?.name === '👍' || button.emoji?.name === '👎')
    expect(up?.emoji?.name).toBe('👍')
    expect(down?.emoji?.name).toBe('👎')
    const voter = buildUser({ id: '1300000000000000777', username: 'voter' })
    const first = await press(message, up?.custom_id as string, voter)
    expect(first.type).toBe(4)
    expect(isEphemeral(first.data)).toBe(true)
    expect(first.data.content).toMatch(/recorded 👍/)
    const second = await press(message, down?.custom_id as string, voter)
    expect(isEphemeral(second.data)).toBe(true)
    expect(second.data.content).toMatch(/Changed to 👎/)
    const passageId = (up?.custom_id as string).split(':')[2]
    const tallies = await storage.votesByPassage({ guildId: discord.guildId, since: new Date(0) })
    expect(tallies.filter((tally) => tally.passageId === passageId)).toEqual([{ passageId, up: 0, down: 1 }])
    // Another user's vote on the same answer is theirs.
    await press(message, up?.custom_id as string, buildUser({ id: '1300000000000000778', username: 'other' }))
    expect((await storage.votesByPassage({ guildId: discord.guildId, since: new Date(0) })).find((tally) => tally.passageId === passageId)).toEqual({ passageId, up: 1, down: 1 })
  })
})

describe('the HTTP interactions transport', () => {
  // The same buttons through the second transport: Discord POSTs signed interactions, the reply is the HTTP response.
  const httpStorage = new MemoryStorage()
  let url = ''
  let privateKey: KeyObject
  let close = async () => {}

  beforeAll(async () => {
    const keys = generateKeyPairSync('ed25519')
    privateKey = keys.privateKey
    const rawKey = (keys.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex')
    const endpoint = await startHttpEndpoint({
      port: 0,
      publicKey: publicKeyFromHex(rawKey),
      deps: {
        engine: loadEngine(DEFAULT_CORPUS_DIR),
        router: new InteractionRouter(commands),
        rest: new REST({ api: discord.apiUrl }).setToken(BOT_TOKEN),
        botUserId: discord.botUser.id,
        logger: createLogger('silent'),
        storage: httpStorage,
        feedbackSalt: feedbackSalt({ DISCORD_TOKEN: BOT_TOKEN }) as string,
      },
    })
    url = endpoint.url
    close = () => new Promise((resolve) => endpoint.server.close(() => resolve()))
  })

  afterAll(async () => close())

  async function post(body: unknown): Promise<{ type: number; data: CallbackData }> {
    const text = JSON.stringify(body)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const signature = sign(null, Buffer.from(timestamp + text), privateKey).toString('hex')
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp }, body: text })
    expect(response.status).toBe(200)
    return (await response.json()) as { type: number; data: CallbackData }
  }

  /** A press on the answer as Discord sends it: the message the button sits on, with its id and embeds. */
  function pressOn(answer: CallbackData, messageId: string, customId: string, user = discord.user) {
    const payload = discord.button({ customId, user })
    return post({ ...payload, message: { ...payload.message, id: messageId, embeds: answer.embeds ?? [], components: answer.components ?? [] } })
  }

  it('GIVEN More and a 👍 then 👎 from one user over HTTP THEN the same replies, and the vote counts once', async () => {
    const answer = (await post(discord.slashCommand({ name: 'ask', options: [option.string('question', 'What did the Taliban say about Pakistan?')] }))).data
    const messageId = '1300000000000000555'
    const more = await pressOn(answer, messageId, labelled(answer, 'More').custom_id as string)
    expect(more.type).toBe(4)
    expect(isEphemeral(more.data)).toBe(true)
    expect(more.data.embeds?.[0]?.author?.name).toMatch(/^More on: /)
    const [up, down] = buttonsOf(answer).filter((button) => button.emoji?.name === '👍' || button.emoji?.name === '👎')
    const voter = buildUser({ id: '1300000000000000779', username: 'voter' })
    expect((await pressOn(answer, messageId, up?.custom_id as string, voter)).data.content).toMatch(/recorded 👍/)
    expect((await pressOn(answer, messageId, down?.custom_id as string, voter)).data.content).toMatch(/Changed to 👎/)
    const passageId = (up?.custom_id as string).split(':')[2]
    expect(await httpStorage.votesByPassage({ guildId: discord.guildId, since: new Date(0) })).toEqual([{ passageId, up: 0, down: 1 }])
  })
})

describe('the whole run', () => {
  it('GIVEN every message body the bot sent THEN each kept Discord’s limits', () => {
    const bodies = discord.requests.map(messageBodyOf).filter((body): body is NonNullable<typeof body> => body !== null)
    expect(bodies.length).toBeGreaterThan(5)
    for (const body of bodies) expect(limitBreaches(body)).toEqual([])
  })
})
