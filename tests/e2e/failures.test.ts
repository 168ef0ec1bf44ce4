/**
 * End to end: when answering fails, the user still sees exactly one ephemeral apology and the
 * log has one error line. The failures are made from outside the bot: its REST traffic goes
 * through a proxy in front of the fake Discord that answers chosen requests with Discord errors.
 *
 *  - A handler that throws: /pin-summary while Discord answers 5xx on the pin route. The REST
 *    client gives up after its retries with an HTTPError, which the channel actions do not
 *    translate, so the handler throws and the router turns it into the apology (edit of the
 *    deferred reply).
 *  - The transport's own apology: Discord rejects the first interaction callback (50035, or the
 *    deferred edit), so handleInteraction catches the error and sends the apology itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MEMBER_PERMISSIONS, option, startFakeDiscord } from '../discord-server/fakeDiscord.ts'
import type { FakeDiscord, InteractionHandle } from '../discord-server/fakeDiscord.ts'
import { BOT_TOKEN, PIN_MESSAGES, READY_TIMEOUT, REPLY_TIMEOUT, limitBreaches, messageBodyOf, startBotAgainst, startFaultProxy, waitUntil } from './helpers.ts'
import type { Child, FaultProxy, LogLine } from './helpers.ts'

const EPHEMERAL = 64
const APOLOGY = /Something went wrong/
const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/
const PIN_ROUTE = /^\/channels\/\d+\/messages\/pins\/\d+$/
const EDIT_ORIGINAL = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/
const INVALID_FORM_BODY = {
  code: 50035,
  message: 'Invalid Form Body',
  errors: { data: { embeds: { '0': { description: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 4096 or fewer in length.' }] } } } } },
}

let discord: FakeDiscord
let proxy: FaultProxy
let bot: Child
const dispatched: InteractionHandle[] = []

function send(payload: Parameters<FakeDiscord['dispatchInteraction']>[0]): InteractionHandle {
  const handle = discord.dispatchInteraction(payload)
  dispatched.push(handle)
  return handle
}

/** Resolves once every dispatched interaction has its log line, i.e. the bot has finished with it. */
async function settled(): Promise<number> {
  await bot.waitForLog(() => bot.logs().filter((line) => line.msg === 'interaction').length >= dispatched.length)
  return bot.logs().length
}

/** The bot's log lines from index `from` on, once it has logged the interaction's line. */
async function linesOf(handle: InteractionHandle, from: number): Promise<{ errors: LogLine[]; info: LogLine }> {
  await settled()
  const lines = bot.logs().slice(from)
  const info = lines.filter((line) => line.msg === 'interaction')
  expect(info, `one interaction line for ${handle.id}`).toHaveLength(1)
  return { errors: lines.filter((line) => line.level >= 50), info: info[0] as LogLine }
}

/** Visible responses of an interaction: callbacks the fake accepted, and accepted edits/follow-ups. */
function visibleResponses(handle: InteractionHandle) {
  const callbacks = handle.callbacks().filter((c) => c.status < 300)
  const webhooks = handle.webhookRequests().filter((w) => (w.kind === 'editMessage' || w.kind === 'followUp') && w.status < 300)
  return { callbacks, webhooks }
}

beforeAll(async () => {
  discord = await startFakeDiscord({ token: BOT_TOKEN })
  proxy = await startFaultProxy(discord.apiUrl)
  bot = await startBotAgainst(discord, { DISCORD_API_URL: proxy.apiUrl })
})

afterAll(async () => {
  await bot?.stop()
  await proxy?.close()
  await discord?.close()
})

describe('a failing answer still gets exactly one visible answer', () => {
  it('sanity: through the proxy the bot answers normally', async () => {
    const handle = send(discord.slashCommand({ name: 'summary' }))
    const callback = await handle.waitForCallback(REPLY_TIMEOUT)
    expect(callback.type).toBe(4)
    expect(callback.data.embeds).toHaveLength(1)
    expect(proxy.injected).toEqual([])
  })

  it('a handler that throws (Discord 5xx on the pin): one ephemeral apology, one error log line', async () => {
    const from = await settled()
    proxy.fail({ method: 'PUT', path: PIN_ROUTE, status: 500, body: { message: '500: Internal Server Error', code: 0 }, times: 10 })
    const handle = send(discord.slashCommand({ name: 'pin-summary', memberPermissions: DEFAULT_MEMBER_PERMISSIONS | PIN_MESSAGES }))
    const callback = await handle.waitForCallback(REPLY_TIMEOUT)
    expect(callback.type).toBe(5)
    expect((callback.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL)
    const edit = await handle.waitForEditReply(0, REPLY_TIMEOUT)
    expect(edit.body.content ?? '').toMatch(APOLOGY)
    const { errors, info } = await linesOf(handle, from)
    proxy.clear()

    expect(proxy.injected.filter((f) => PIN_ROUTE.test(f.path)).length).toBeGreaterThanOrEqual(1)
    const { callbacks, webhooks } = visibleResponses(handle)
    expect(callbacks).toHaveLength(1)
    expect(webhooks).toHaveLength(1)
    // The apology replaced the ephemeral "thinking" message.
    expect(((handle.originalMessage()?.flags ?? 0) as number) & EPHEMERAL).toBe(EPHEMERAL)
    expect(handle.originalMessage()?.content).toMatch(APOLOGY)
    expect(errors).toHaveLength(1)
    expect(errors[0]?.level).toBe(50)
    expect(info).toMatchObject({ level: 30, kind: 'command', command: 'pin-summary', outcome: 'error' })
  })

  it('Discord rejects the reply (50035): the transport sends one ephemeral apology, one error log line', async () => {
    const from = await settled()
    const injectedBefore = proxy.injected.length
    proxy.fail({ method: 'POST', path: CALLBACK, status: 400, body: INVALID_FORM_BODY, times: 1 })
    const handle = send(discord.slashCommand({ name: 'ask', options: [option.string('question', 'How long did the 48-hour ceasefire hold?')] }))
    // Only the second callback (the apology) reaches the fake.
    const callback = await handle.waitForCallback(REPLY_TIMEOUT)
    expect(callback.type).toBe(4)
    expect((callback.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL)
    expect(callback.data.content ?? '').toMatch(APOLOGY)
    expect(callback.data.allowed_mentions).toEqual({ parse: [], users: [] })
    const { errors, info } = await linesOf(handle, from)

    const rejected = proxy.injected.slice(injectedBefore)
    expect(rejected).toHaveLength(1)
    expect((rejected[0]?.body as { type?: number; data?: { embeds?: unknown[] } }).data?.embeds).toHaveLength(1)
    const { callbacks, webhooks } = visibleResponses(handle)
    expect(callbacks).toHaveLength(1)
    expect(webhooks).toHaveLength(0)
    expect(errors).toHaveLength(1)
    expect(errors[0]?.level).toBe(50)
    expect(info).toMatchObject({ level: 30, kind: 'command', command: 'ask', outcome: 'failed' })
  })

  it('Discord rejects the deferred edit: the apology replaces the thinking message, once', async () => {
    const from = await settled()
    proxy.fail({ method: 'PATCH', path: EDIT_ORIGINAL, status: 400, body: INVALID_FORM_BODY, times: 1 })
    const handle = send(discord.slashCommand({ name: 'pin-summary', memberPermissions: DEFAULT_MEMBER_PERMISSIONS | PIN_MESSAGES }))
    const edit = await handle.waitForEditReply(0, REPLY_TIMEOUT)
    expect(edit.body.content ?? '').toMatch(APOLOGY)
    const { errors, info } = await linesOf(handle, from)
    const { callbacks, webhooks } = visibleResponses(handle)
    expect(callbacks).toHaveLength(1)
    expect(callbacks[0]?.type).toBe(5)
    expect(webhooks).toHaveLength(1)
    expect(handle.originalMessage()?.content).toMatch(APOLOGY)
    expect(errors).toHaveLength(1)
    expect(info).toMatchObject({ command: 'pin-summary', outcome: 'failed' })
  })

  it('a dropped gateway connection is resumed and interactions are answered again', async () => {
    const seen = discord.gatewayPayloads.length
    discord.disconnectClient(4000)
    await waitUntil(() => discord.gatewayPayloads.slice(seen).some((p) => (p as { op?: number }).op === 6 || (p as { op?: number }).op === 2), 'a RESUME or IDENTIFY', READY_TIMEOUT)
    await discord.waitForReady(READY_TIMEOUT)
    const handle = send(discord.slashCommand({ name: 'summary', options: [option.string('length', 'full')] }))
    const callback = await handle.waitForCallback(REPLY_TIMEOUT)
    expect(callback.type).toBe(4)
    expect(callback.data.embeds).toHaveLength(1)
    expect(handle.callbacks()).toHaveLength(1)
  })

  it('error lines never carry the bot token', () => {
    expect(bot.output).not.toContain(BOT_TOKEN)
    expect(bot.output).not.toContain(BOT_TOKEN.split('.')[2] as string)
  })

  // WEAKNESS (src/transports/gateway/handleInteraction.ts): the error line logs discord.js's
  // DiscordAPIError as is; its `url` holds the interaction token (a credential that can post as the
  // bot in the channel for 15 minutes) and its `requestBody` the reply, which echoes the question
  // ("Q: ...") — the question text is meant to be logged at debug level only. The logger redacts
  // `token` fields only. Repro: make Discord answer the /ask callback with 50035 and read the
  // 'could not answer the interaction' line.
  it('error lines carry neither interaction tokens nor the question text', () => {
    const errors = bot.logs().filter((line) => line.level >= 50)
    expect(errors.length).toBeGreaterThan(0)
    const text = errors.map((line) => JSON.stringify(line)).join('\n')
    for (const handle of dispatched) expect(text).not.toContain(handle.token)
    expect(text).not.toContain('How long did the 48-hour ceasefire hold?')
  })

  it('every body that reached Discord respects its limits', () => {
    for (const request of discord.requests) {
      const body = messageBodyOf(request)
      if (body) expect(limitBreaches(body), `${request.method} ${request.path}`).toEqual([])
    }
    expect(discord.requests.filter((r) => (r.response as { code?: number } | undefined)?.code === 50035)).toEqual([])
  })
})
