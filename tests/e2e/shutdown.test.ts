import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_MEMBER_PERMISSIONS, option, PIN_MESSAGES, startFakeDiscord, type FakeDiscord, type InteractionHandle } from '../discord-server/fakeDiscord.ts'
import { BOT_TOKEN, REPLY_TIMEOUT, startBotAgainst, waitUntil, type Child } from './helpers.ts'

/**
 * Graceful shutdown in gateway mode: SIGTERM while interactions are in flight.
 * The fake answers REST requests late, so the handlers are still running when
 * the signal arrives.
 */
const MODERATOR = DEFAULT_MEMBER_PERMISSIONS | PIN_MESSAGES
const SHUTDOWN_TIMEOUT_MS = 8_000
const QUESTIONS = [
  'Who mediated the talks?',
  'Where were the talks held?',
  'What did Pakistan demand?',
  'When did the talks start?',
  'Who led the Afghan delegation?',
]

let discord: FakeDiscord | undefined
let bot: Child | undefined

afterEach(async () => {
  await bot?.stop()
  await discord?.close()
  bot = discord = undefined
})

function botSummaryPins(fake: FakeDiscord): string[] {
  return fake.pinnedMessageIds().filter((id) => fake.message(id)?.author.id === fake.botUser.id)
}

/** Whether an interaction got its visible answer: a reply, or a deferred reply's edit. */
function answered(handle: InteractionHandle): boolean {
  const callback = handle.callbacks().find((c) => c.status >= 200 && c.status < 300)
  if (!callback) return false
  if (callback.type !== 5) return true
  return handle.webhookRequests().some((w) => w.kind === 'editMessage' && w.isOriginal && w.status === 200)
}

describe('graceful shutdown (gateway)', () => {
  it('GIVEN 20 /ask and a /pin-summary in flight WHEN SIGTERM THEN all 21 are answered, one summary is pinned, and it exits 0 with close 1000 within the timeout', async () => {
    discord = await startFakeDiscord({ token: BOT_TOKEN })
    bot = await startBotAgainst(discord, { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) })
    const fake = discord
    fake.setResponseDelay(() => 60)
    const handles: InteractionHandle[] = []
    for (let i = 0; i < 20; i++) handles.push(fake.dispatchInteraction(fake.slashCommand({ name: 'ask', options: [option.string('question', QUESTIONS[i % QUESTIONS.length] ?? '')] })))
    handles.push(fake.dispatchInteraction(fake.slashCommand({ name: 'pin-summary', memberPermissions: MODERATOR })))
    // In flight: the bot has started answering, and the pin-summary is not finished.
    await waitUntil(() => fake.requests.some((r) => r.route === 'POST /interactions/:interaction/:token/callback'), 'the first callback to arrive')
    expect(handles.filter(answered).length).toBeLessThan(21)
    const signalled = Date.now()
    bot.process.kill('SIGTERM')
    const exit = await bot.exited
    const elapsed = Date.now() - signalled

    expect(exit).toEqual({ code: 0, signal: null })
    expect(elapsed).toBeLessThan(SHUTDOWN_TIMEOUT_MS)
    expect(handles.filter(answered)).toHaveLength(21)
    for (const handle of handles) expect(handle.callbacks()).toHaveLength(1)
    expect(botSummaryPins(fake)).toHaveLength(1)
    const edit = await handles[20]?.waitForEditReply(0, 1)
    expect(edit?.body.content).toMatch(/pinned/i)
    expect(fake.gatewayCloses.map((close) => close.code)).toContain(1000)
    const shutdownLog = bot.logs().find((line) => line.msg === 'shut down')
    expect(shutdownLog?.aborted).toBe(0)
  }, 30_000)

  it('GIVEN an interaction that arrives while draining THEN it gets an ephemeral "restarting" reply', async () => {
    discord = await startFakeDiscord({ token: BOT_TOKEN })
    bot = await startBotAgainst(discord)
    const fake = discord
    // The first /ask holds the drain open; the second arrives during it.
    fake.setResponseDelay((r) => (r.route === 'POST /interactions/:interaction/:token/callback' && fake.requests.filter((q) => q.route === r.route).length === 1 ? 1_500 : 0))
    const first = fake.dispatchInteraction(fake.slashCommand({ name: 'ask', options: [option.string('question', 'Who mediated the talks?')] }))
    await waitUntil(() => fake.requests.some((r) => r.route === 'POST /interactions/:interaction/:token/callback'), 'the first callback to arrive')
    bot.process.kill('SIGTERM')
    await bot.waitForLog((line) => line.msg.startsWith('shutting down'))
    const late = fake.dispatchInteraction(fake.slashCommand({ name: 'ask', options: [option.string('question', 'Where were the talks held?')] }))
    const callback = await late.waitForCallback(REPLY_TIMEOUT)
    expect(callback.data.content).toMatch(/restarting/i)
    expect(callback.data.flags).toBe(64)
    expect((await bot.exited).code).toBe(0)
    expect(answered(first)).toBe(true)
  }, 30_000)

  it('GIVEN a /pin-summary still unfinished at SHUTDOWN_TIMEOUT_MS THEN its post is deleted (nothing half-done) and the moderator is told', async () => {
    discord = await startFakeDiscord({ token: BOT_TOKEN })
    bot = await startBotAgainst(discord, { SHUTDOWN_TIMEOUT_MS: '1500' })
    const fake = discord
    // Pinning hangs far beyond the timeout.
    fake.setResponseDelay((r) => (r.route === 'PUT /channels/:channel/messages/pins/:message' ? 20_000 : 0))
    const handle = fake.dispatchInteraction(fake.slashCommand({ name: 'pin-summary', memberPermissions: MODERATOR }))
    await waitUntil(() => fake.requests.some((r) => r.route === 'PUT /channels/:channel/messages/pins/:message'), 'the pin request')
    const posted = fake.requests.find((r) => r.route === 'POST /channels/:channel/messages')?.response as { id: string }
    bot.process.kill('SIGTERM')
    const exit = await bot.exited
    expect(exit.code).toBe(0)
    expect(fake.message(posted.id), 'the half-done summary is deleted').toBeUndefined()
    expect(botSummaryPins(fake)).toHaveLength(0)
    const edit = await handle.waitForEditReply(0, 1)
    expect(edit.body.content).toMatch(/restarting.*nothing was changed/i)
  }, 30_000)

  it('GIVEN a drain in progress WHEN a second SIGTERM arrives THEN it exits at once', async () => {
    discord = await startFakeDiscord({ token: BOT_TOKEN })
    bot = await startBotAgainst(discord, { SHUTDOWN_TIMEOUT_MS: '20000' })
    const fake = discord
    fake.setResponseDelay(() => 15_000)
    fake.dispatchInteraction(fake.slashCommand({ name: 'ask', options: [option.string('question', 'Who mediated the talks?')] }))
    await waitUntil(() => fake.requests.some((r) => r.route === 'POST /interactions/:interaction/:token/callback'), 'the callback to arrive')
    bot.process.kill('SIGTERM')
    await bot.waitForLog((line) => line.msg.startsWith('shutting down'))
    const second = Date.now()
    bot.process.kill('SIGTERM')
    const exit = await bot.exited
    expect(Date.now() - second).toBeLessThan(2_000)
    expect(exit.code).toBe(143)
  }, 30_000)
})
