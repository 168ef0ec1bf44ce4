import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { request } from 'node:http'
import { REST } from 'discord.js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { commands } from '../../commands/index.ts'
import { DEFAULT_CORPUS_DIR } from '../../src/config/paths.ts'
import { InteractionRouter } from '../../src/interactions/router.ts'
import { loadEngine } from '../../src/loadEngine.ts'
import { createLogger } from '../../src/logging/logger.ts'
import { startHttpEndpoint, type HttpEndpoint } from '../../src/transports/http/startHttpEndpoint.ts'
import { publicKeyFromHex } from '../../src/transports/http/verifySignature.ts'
import { option, PIN_MESSAGES, startFakeDiscord, type FakeDiscord } from '../discord-server/fakeDiscord.ts'
import { Child, childEnv, waitUntil } from './helpers.ts'

/**
 * The HTTP endpoint's refusals, one test each: stale and future timestamps,
 * replays, oversized bodies (413 received by the client), and draining.
 */
const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GhttpT.httphttphttphttphttphttp01'
const keys = generateKeyPairSync('ed25519')
const PUBLIC_KEY_HEX = (keys.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex')

let discord: FakeDiscord
let endpoint: HttpEndpoint

function signed(body: unknown, { ageSeconds = 0, key = keys.privateKey }: { ageSeconds?: number; key?: KeyObject } = {}) {
  const text = JSON.stringify(body)
  const timestamp = String(Math.floor(Date.now() / 1000) - ageSeconds)
  const signature = sign(null, Buffer.from(timestamp + text), key).toString('hex')
  return { body: text, headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } }
}

async function post(url: string, body: unknown, options?: Parameters<typeof signed>[1]): Promise<{ status: number; json: any }> {
  const response = await fetch(url, { method: 'POST', ...signed(body, options) })
  return { status: response.status, json: response.headers.get('content-type')?.includes('json') ? await response.json() : null }
}

/** On a new connection: the endpoint closes idle keep-alive connections when it starts draining. */
function freshRequest(url: string, method: 'GET' | 'POST', body?: ReturnType<typeof signed>): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const outgoing = request({ host: target.hostname, port: target.port, path: target.pathname, method, agent: false, headers: body?.headers ?? {} }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    outgoing.on('error', reject)
    outgoing.end(body?.body)
  })
}

function ask(question = 'Who mediated the talks?') {
  return discord.slashCommand({ name: 'ask', options: [option.string('question', question)] })
}

beforeAll(async () => {
  discord = await startFakeDiscord({ token: TOKEN })
  endpoint = await startHttpEndpoint({
    port: 0,
    publicKey: publicKeyFromHex(PUBLIC_KEY_HEX),
    deps: {
      engine: loadEngine(DEFAULT_CORPUS_DIR),
      router: new InteractionRouter(commands),
      rest: new REST({ api: discord.apiUrl }).setToken(TOKEN),
      botUserId: discord.botUser.id,
      logger: createLogger('silent'),
    },
  })
})

afterAll(async () => {
  if (!endpoint.draining) await endpoint.drain(1_000)
  await discord?.close()
})

describe('HTTP endpoint: refusals', () => {
  it('GIVEN a fresh signed request THEN it is answered (the baseline the refusals differ from)', async () => {
    expect((await post(endpoint.url, ask())).status).toBe(200)
    expect((await post(endpoint.url, ask(), { ageSeconds: 290 })).status).toBe(200)
  })

  it.each([
    ['signed 10 minutes ago', 600],
    ['signed 10 minutes ahead', -600],
    ['signed 5 minutes and 10 seconds ago', 310],
  ])('GIVEN a request %s THEN it is refused with 401', async (_label, ageSeconds) => {
    const { status, json } = await post(endpoint.url, ask(), { ageSeconds })
    expect(status).toBe(401)
    expect(json.error).toMatch(/timestamp/)
  })

  it('GIVEN the same signed request twice THEN the replay is refused with 409 and only one summary is posted', async () => {
    const payload = discord.slashCommand({ name: 'pin-summary', options: [], memberPermissions: PIN_MESSAGES })
    const request = signed(payload)
    const first = await fetch(endpoint.url, { method: 'POST', ...request })
    expect(first.status).toBe(200)
    const replay = await fetch(endpoint.url, { method: 'POST', ...request })
    expect(replay.status).toBe(409)
    await discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(payload.token))
    expect(discord.requests.filter((r) => r.route === 'POST /channels/:channel/messages')).toHaveLength(1)
  })

  it('GIVEN a 10 MB body THEN the client receives 413 (not a connection reset)', async () => {
    const url = new URL(endpoint.url)
    const size = 10 * 1024 * 1024
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = request({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers: { 'content-length': String(size), 'content-type': 'application/json' } }, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      outgoing.on('error', reject)
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      let sent = 0
      const pump = () => {
        while (sent < size) {
          sent += chunk.length
          if (!outgoing.write(chunk)) return void outgoing.once('drain', pump)
        }
        outgoing.end()
      }
      pump()
    })
    expect(status).toBe(413)
  })

  it('GIVEN a 10 MB body through fetch THEN fetch gets the 413 too', async () => {
    const response = await fetch(endpoint.url, { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024, 0x20), headers: { 'content-type': 'application/json' } })
    expect(response.status).toBe(413)
  })

  it('GIVEN a chunked body over 64 KB (no Content-Length) THEN it is refused with 413', async () => {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      // A stream body is sent chunked, so only reading can tell its size.
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 3; i++) controller.enqueue(new Uint8Array(32 * 1024).fill(0x20))
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
  })

  it('GIVEN a body just under 64 KB THEN it passes the size check (and fails the signature instead)', async () => {
    const response = await fetch(endpoint.url, { method: 'POST', body: Buffer.alloc(64 * 1024 - 1, 0x20) })
    expect(response.status).toBe(401)
  })

  it('GIVEN GET /health and GET /ready on a serving endpoint THEN both are 200; other GETs are 405', async () => {
    expect((await fetch(new URL('/health', endpoint.url))).status).toBe(200)
    expect((await fetch(new URL('/ready', endpoint.url))).status).toBe(200)
    expect((await fetch(new URL('/nothing', endpoint.url))).status).toBe(405)
  })

  it('sets header and request timeouts and a connection cap', () => {
    expect(endpoint.server.headersTimeout).toBeGreaterThan(0)
    expect(endpoint.server.requestTimeout).toBeGreaterThan(0)
    expect(endpoint.server.headersTimeout).toBeLessThanOrEqual(endpoint.server.requestTimeout)
    expect(endpoint.server.maxConnections).toBe(256)
  })
})

describe('HTTP mode: SIGTERM drains (npm run start:http)', () => {
  let bot: Child | undefined
  afterEach(async () => {
    await bot?.stop()
    bot = undefined
  })

  it('GIVEN a /pin-summary in flight WHEN SIGTERM THEN /health stays 200, /ready and new interactions get 503, the summary is pinned, and it exits 0', async () => {
    const fake = discord
    bot = new Child(
      ['src/transports/http/startHttpBot.ts'],
      childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DISCORD_PUBLIC_KEY: PUBLIC_KEY_HEX, HTTP_PORT: '0' }),
    )
    const listening = await bot.waitForLog((line) => line.msg === 'listening for interactions', 20_000)
    const url = String(listening.url)
    fake.setResponseDelay((r) => (r.route === 'PUT /channels/:channel/messages/pins/:message' ? 1_500 : 0))
    try {
      const payload = fake.slashCommand({ name: 'pin-summary', options: [], memberPermissions: PIN_MESSAGES })
      expect((await post(url, payload)).json.type).toBe(5)
      await waitUntil(() => fake.requests.some((r) => r.route === 'PUT /channels/:channel/messages/pins/:message' && r.path.length > 0), 'the pin request')
      bot.process.kill('SIGTERM')
      await bot.waitForLog((line) => line.msg.startsWith('shutting down'))
      expect(await freshRequest(new URL('/health', url).href, 'GET')).toBe(200)
      expect(await freshRequest(new URL('/ready', url).href, 'GET')).toBe(503)
      expect(await freshRequest(url, 'POST', signed(ask()))).toBe(503)
      const exit = await bot.exited
      expect(exit.code).toBe(0)
      const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(payload.token), 1)
      expect(String((edit.body as { content?: string }).content)).toMatch(/pinned/i)
    } finally {
      fake.setResponseDelay(null)
    }
  }, 30_000)
})

describe('HTTP mode: a /pin-summary unfinished at SHUTDOWN_TIMEOUT_MS', () => {
  let bot: Child | undefined
  afterEach(async () => {
    await bot?.stop()
    bot = undefined
  })

  it('GIVEN pinning hangs past the timeout WHEN SIGTERM THEN the post is deleted, the moderator is told nothing changed, and it exits 0', async () => {
    const fake = discord
    bot = new Child(
      ['src/transports/http/startHttpBot.ts'],
      childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DISCORD_PUBLIC_KEY: PUBLIC_KEY_HEX, HTTP_PORT: '0', SHUTDOWN_TIMEOUT_MS: '1500' }),
    )
    const url = String((await bot.waitForLog((line) => line.msg === 'listening for interactions', 20_000)).url)
    const before = fake.requests.length
    fake.setResponseDelay((r) => (r.route === 'PUT /channels/:channel/messages/pins/:message' ? 20_000 : 0))
    try {
      const payload = fake.slashCommand({ name: 'pin-summary', options: [], memberPermissions: PIN_MESSAGES })
      expect((await post(url, payload)).json.type).toBe(5)
      await waitUntil(() => fake.requests.slice(before).some((r) => r.route === 'PUT /channels/:channel/messages/pins/:message'), 'the pin request')
      const posted = fake.requests.slice(before).find((r) => r.route === 'POST /channels/:channel/messages')?.response as { id: string }
      const signalled = Date.now()
      bot.process.kill('SIGTERM')
      expect((await bot.exited).code).toBe(0)
      expect(Date.now() - signalled).toBeLessThan(6_000)
      expect(fake.message(posted.id), 'the half-done summary is deleted').toBeUndefined()
      const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(payload.token), 1)
      expect(String((edit.body as { content?: string }).content)).toMatch(/restarting.*nothing was changed/i)
    } finally {
      fake.setResponseDelay(null)
    }
  }, 30_000)
})

describe('HTTP mode: /metrics on the endpoint', () => {
  let bot: Child | undefined
  afterEach(async () => {
    await bot?.stop()
    bot = undefined
  })

  it('GIVEN known traffic THEN /metrics counts answered interactions by outcome and refusals by status', async () => {
    bot = new Child(
      ['src/transports/http/startHttpBot.ts'],
      childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl, DISCORD_PUBLIC_KEY: PUBLIC_KEY_HEX, HTTP_PORT: '0' }),
    )
    const url = String((await bot.waitForLog((line) => line.msg === 'listening for interactions', 20_000)).url)
    const replayed = signed(ask('Where were the talks held?'))
    expect((await post(url, ask())).status).toBe(200)
    expect((await fetch(url, { method: 'POST', ...replayed })).status).toBe(200)
    expect((await fetch(url, { method: 'POST', ...replayed })).status).toBe(409)
    expect((await post(url, ask(), { ageSeconds: 600 })).status).toBe(401)
    expect((await post(url, discord.slashCommand({ name: 'ghost', options: [] }))).status).toBe(200)
    const text = await (await fetch(new URL('/metrics', url))).text()
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0)
    expect(value(/^bot_interactions_total\{kind="command",command="ask",outcome="ok"\} (\d+)$/m)).toBe(2)
    expect(value(/^bot_interactions_total\{kind="command",command="other",outcome="unknown"\} (\d+)$/m)).toBe(1)
    expect(value(/^bot_http_refused_total\{status="409"\} (\d+)$/m)).toBe(1)
    expect(value(/^bot_http_refused_total\{status="401"\} (\d+)$/m)).toBe(1)
    expect(value(/^bot_first_response_seconds_count\{kind="command",transport="http"\} (\d+)$/m)).toBe(3)
    expect(value(/^bot_articles (\d+)$/m)).toBe(1)
  }, 30_000)
})
