import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser, option, startFakeDiscord, type FakeDiscord } from '../discord-server/fakeDiscord.ts'
import { BOT_TOKEN, REPLY_TIMEOUT, startBotAgainst, startFaultProxy, waitUntil, type Child, type FaultProxy } from './helpers.ts'

/**
 * Metrics in gateway mode (METRICS_PORT): known traffic, then a scrape of
 * /metrics whose counts must match it exactly.
 */
let discord: FakeDiscord
let proxy: FaultProxy
let bot: Child
let metricsUrl: string

/** The value of one sample, e.g. sample(text, 'bot_interactions_total', { command: 'ask', outcome: 'ok' }). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line)
    if (!match || match[1] !== name) continue
    const present = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3])
  }
  return 0
}

async function scrape(): Promise<string> {
  const response = await fetch(metricsUrl)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('text/plain')
  return response.text()
}

beforeAll(async () => {
  discord = await startFakeDiscord({ token: BOT_TOKEN })
  proxy = await startFaultProxy(discord.apiUrl)
  bot = await startBotAgainst(discord, { DISCORD_API_URL: proxy.apiUrl, METRICS_PORT: '0', COOLDOWN_MAX: '4', COOLDOWN_WINDOW_SECONDS: '600' })
  metricsUrl = String((await bot.waitForLog((line) => line.msg === 'serving metrics')).url)
})

afterAll(async () => {
  await bot?.stop()
  await proxy?.close()
  await discord?.close()
})

describe('metrics (gateway mode)', () => {
  it('before any traffic: no interactions, the engine build time and article count are there', async () => {
    const text = await scrape()
    expect(sample(text, 'bot_interactions_total', { command: 'ask', outcome: 'ok' })).toBe(0)
    expect(sample(text, 'bot_articles')).toBe(1)
    expect(sample(text, 'bot_engine_build_seconds')).toBeGreaterThan(0)
    expect(text).toContain('process_resident_memory_bytes')
  })

  it('GIVEN known traffic THEN /metrics counts it by command and outcome, with first-response times, cooldowns, 429s, retries and resumes', async () => {
    const ask = (question: string, user = discord.user) => discord.dispatchInteraction(discord.slashCommand({ name: 'ask', user, options: [option.string('question', question)] }))
    // One 429 on a callback: discord.js waits retry_after and sends it again.
    proxy.fail({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, status: 429, body: { message: 'You are being rate limited.', retry_after: 0.05, global: false }, times: 1 })
    for (const question of ['Who mediated the talks?', 'Where were the talks held?', 'What did Pakistan demand?']) await ask(question).waitForCallback(REPLY_TIMEOUT)
    await discord.dispatchInteraction(discord.slashCommand({ name: 'quote', options: [option.string('query', 'Tarar')] })).waitForCallback(REPLY_TIMEOUT)
    // The fifth use within the window: refused by the cooldown. Another user is not affected.
    const refused = await ask('When did the talks start?').waitForCallback(REPLY_TIMEOUT)
    expect(refused.data.content).toMatch(/try again in \d+ s/i)
    expect(refused.data.flags).toBe(64)
    const other = buildUser({ id: '1300000000000000777', username: 'other' })
    expect((await ask('When did the talks start?', other).waitForCallback(REPLY_TIMEOUT)).data.content ?? '').not.toMatch(/try again/)
    await discord.dispatchInteraction(discord.slashCommand({ name: 'ghost', options: [] })).waitForCallback(REPLY_TIMEOUT)
    // A dropped connection: discord.js reconnects and resumes.
    discord.disconnectClient(4000)
    await waitUntil(() => discord.gatewayPayloads.some((payload) => payload.op === 6), 'a RESUME', REPLY_TIMEOUT)
    await discord.waitForReady(REPLY_TIMEOUT)

    await waitUntil(() => bot.logs().filter((line) => line.msg === 'interaction').length >= 7, 'seven interaction log lines')
    let text = await scrape()
    // Resumed is counted once discord.js has processed RESUMED.
    for (let i = 0; i < 50 && sample(text, 'bot_gateway_resumes_total') < 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      text = await scrape()
    }
    expect(sample(text, 'bot_interactions_total', { kind: 'command', command: 'ask', outcome: 'ok' })).toBe(4)
    expect(sample(text, 'bot_interactions_total', { kind: 'command', command: 'quote', outcome: 'ok' })).toBe(1)
    expect(sample(text, 'bot_interactions_total', { kind: 'command', command: 'ask', outcome: 'cooldown' })).toBe(1)
    expect(sample(text, 'bot_interactions_total', { kind: 'command', command: 'other', outcome: 'unknown' })).toBe(1)
    expect(sample(text, 'bot_cooldowns_total', { command: 'ask' })).toBe(1)
    expect(sample(text, 'bot_first_response_seconds_count', { kind: 'command', transport: 'gateway' })).toBe(7)
    expect(sample(text, 'bot_interactions_unanswered_total', { reason: 'apologised' })).toBe(0)
    expect(sample(text, 'bot_rest_429_total')).toBe(1)
    expect(sample(text, 'bot_rest_retries_total')).toBe(1)
    expect(sample(text, 'bot_gateway_reconnects_total')).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'bot_gateway_resumes_total')).toBe(1)
    expect(text).not.toContain('ghost')
  })
})
