import { generateKeyPairSync, sign } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_MEMBER_PERMISSIONS, PIN_MESSAGES, startFakeDiscord, type FakeDiscord } from '../discord-server/fakeDiscord.ts'
import { BOT_TOKEN, Child, childEnv, REPLY_TIMEOUT, startBotAgainst } from './helpers.ts'

/**
 * Two /pin-summary at once in one channel end with one pinned summary: in one
 * process (serialised per channel) and in two processes (HTTP replicas behind
 * one application), where only the check after pinning can settle it. The
 * fake answers the pin list late, so both runs read the pins before either pins.
 */
const MODERATOR = DEFAULT_MEMBER_PERMISSIONS | PIN_MESSAGES
const PINS_LIST = 'GET /channels/:channel/messages/pins'

let discord: FakeDiscord | undefined
const children: Child[] = []

afterEach(async () => {
  for (const child of children.splice(0)) await child.stop()
  await discord?.close()
  discord = undefined
})

function botSummaryPins(fake: FakeDiscord): string[] {
  return fake.pinnedMessageIds().filter((id) => fake.message(id)?.author.id === fake.botUser.id)
}

function botMessages(fake: FakeDiscord): string[] {
  return fake.messages().filter((message) => message.author.id === fake.botUser.id && message.embeds.length > 0).map((message) => message.id)
}

describe('concurrent /pin-summary in one channel', () => {
  it('GIVEN two at once in one process THEN one summary is pinned and both moderators get an answer', async () => {
    discord = await startFakeDiscord({ token: BOT_TOKEN })
    const fake = discord
    children.push(await startBotAgainst(fake))
    fake.setResponseDelay((r) => (r.route === PINS_LIST ? 200 : 0))
    const first = fake.dispatchInteraction(fake.slashCommand({ name: 'pin-summary', memberPermissions: MODERATOR }))
    const second = fake.dispatchInteraction(fake.slashCommand({ name: 'pin-summary', memberPermissions: MODERATOR }))
    const edits = await Promise.all([first.waitForEditReply(0, REPLY_TIMEOUT), second.waitForEditReply(0, REPLY_TIMEOUT)])
    for (const edit of edits) expect(edit.body.content).toMatch(/pinned/i)
    expect(botSummaryPins(fake)).toHaveLength(1)
    // Serialised: the second run saw the first's summary and replaced it.
    expect(edits[1]?.body.content).toMatch(/unpinned the previous/)
  }, 30_000)

  it('GIVEN one at the same moment in each of two processes THEN one summary is pinned, and the other is deleted', async () => {
    discord = await startFakeDiscord({ token: BOT_TOKEN })
    const fake = discord
    const keys = generateKeyPairSync('ed25519')
    const publicKeyHex = (keys.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex')
    const env = childEnv({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DISCORD_PUBLIC_KEY: publicKeyHex, HTTP_PORT: '0' })
    const replicas = [new Child(['src/transports/http/startHttpBot.ts'], env), new Child(['src/transports/http/startHttpBot.ts'], env)]
    children.push(...replicas)
    const urls = await Promise.all(replicas.map(async (replica) => String((await replica.waitForLog((line) => line.msg === 'listening for interactions', 20_000)).url)))
    // Both list the pins before either has pinned.
    fake.setResponseDelay((r) => (r.route === PINS_LIST && fake.requests.filter((q) => q.route === PINS_LIST).length <= 2 ? 1_500 : 0))
    const payloads = urls.map(() => fake.slashCommand({ name: 'pin-summary', options: [], memberPermissions: MODERATOR }))
    await Promise.all(
      urls.map(async (url, i) => {
        const text = JSON.stringify(payloads[i])
        const timestamp = String(Math.floor(Date.now() / 1000))
        const signature = sign(null, Buffer.from(timestamp + text), keys.privateKey).toString('hex')
        const response = await fetch(url, { method: 'POST', body: text, headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } })
        expect(response.status).toBe(200)
      }),
    )
    const edits = await Promise.all(payloads.map((payload) => fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(payload.token), REPLY_TIMEOUT)))
    const pinPuts = fake.requests.filter((r) => r.route === 'PUT /channels/:channel/messages/pins/:message')
    expect(pinPuts).toHaveLength(2)
    // The race did happen: both runs had read the pins before either pinned.
    const lists = fake.requests.filter((r) => r.route === PINS_LIST)
    expect(lists[1]?.seq ?? Infinity).toBeLessThan(pinPuts[0]?.seq ?? 0)
    expect(botSummaryPins(fake)).toHaveLength(1)
    expect(botMessages(fake)).toEqual(botSummaryPins(fake))
    const contents = edits.map((edit) => String((edit.body as { content?: string }).content))
    // The run that checked last knows it lost; one that checked before the other pinned could not.
    expect(contents.filter((content) => /Posted and pinned/.test(content)).length).toBeGreaterThanOrEqual(1)
    for (const content of contents) expect(content).toMatch(/Posted and pinned|at the same moment/)
  }, 40_000)
})
