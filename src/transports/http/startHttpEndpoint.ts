import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { KeyObject } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { Logger } from '../../logging/logger.ts'
import type { InteractionKind } from '../../metrics/botMetrics.ts'
import { loggableError } from '../discordRest/loggableError.ts'
import { InFlight, type DrainResult } from '../shutdown/inFlight.ts'
import { answerInteraction, apology, type HttpDependencies } from './answerInteraction.ts'
import type { RawInteraction } from './apiInputs.ts'
import { readBoundedBody } from './readBoundedBody.ts'
import { ReplayCache } from './replayCache.ts'
import { isFresh, isSignedByDiscord, MAX_CLOCK_SKEW_SECONDS } from './verifySignature.ts'

export interface HttpEndpointOptions {
  port: number
  /** Default 127.0.0.1: put a TLS-terminating proxy in front for Discord to reach it. */
  host?: string
  publicKey: KeyObject
  deps: HttpDependencies
  /** Most simultaneous connections; more are refused by the kernel's accept queue. Default 256. */
  maxConnections?: number
  /** Extra GET routes served beside /health and /ready (e.g. /metrics). */
  extraRoutes?: Record<string, (request: IncomingMessage, response: ServerResponse) => void | Promise<void>>
  /** Called when a request is refused, with the HTTP status (for metrics). */
  onRefused?: (status: number, reason: string) => void
}

export interface HttpEndpoint {
  server: Server
  url: string
  /** Stops taking interactions (503), waits for those in flight up to `timeoutMs`, then closes the server. */
  drain(timeoutMs: number): Promise<DrainResult>
  readonly draining: boolean
}

/** Interaction payloads are a few kilobytes; anything near this is not from Discord. */
export const MAX_BODY_BYTES = 64 * 1024
/** Slow clients lose their connection instead of holding it. */
const HEADERS_TIMEOUT_MS = 5_000
const REQUEST_TIMEOUT_MS = 10_000
const KEEP_ALIVE_TIMEOUT_MS = 5_000
/** An id need only be remembered while its timestamp is still fresh: twice the allowed skew. */
const REPLAY_TTL_MS = 2 * MAX_CLOCK_SKEW_SECONDS * 1000
const REPLAY_CAPACITY = 100_000

/** Discord's interaction types as metric labels. */
function kindOf(type: number): InteractionKind {
  return type === 2 ? 'command' : type === 3 ? 'button' : type === 4 ? 'autocomplete' : 'other'
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return typeof value === 'string' ? value : undefined
}

/**
 * Discord's HTTP interactions mode: one POST endpoint that checks each
 * request's size, Ed25519 signature, timestamp and interaction id before
 * anything else, then answers through the same router and handlers as the
 * gateway bot. GET /health (alive) and GET /ready (serving, not draining)
 * are for load balancers and orchestrators.
 */
export async function startHttpEndpoint({ port, host = '127.0.0.1', publicKey, deps, maxConnections = 256, extraRoutes = {}, onRefused }: HttpEndpointOptions): Promise<HttpEndpoint> {
  const logger: Logger = deps.logger
  const inFlight = new InFlight()
  const replays = new ReplayCache(REPLAY_TTL_MS, REPLAY_CAPACITY)
  let draining = false

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const received = performance.now()
    const send = (status: number, body?: unknown) => {
      const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' }
      // Draining: no keep-alive, so connections end once their last answer is out.
      if (draining) headers.connection = 'close'
      response.writeHead(status, headers)
      response.end(body === undefined ? undefined : JSON.stringify(body))
    }
    const refuse = (status: number, error: string) => {
      onRefused?.(status, error)
      send(status, { error })
    }
    const path = (request.url ?? '/').split('?')[0]
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (path === '/health') return send(200, { status: 'ok' })
      if (path === '/ready') return draining ? send(503, { status: 'draining' }) : send(200, { status: 'ready' })
      const route = path ? extraRoutes[path] : undefined
      if (route) return route(request, response)
    }
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST')
      return refuse(405, 'POST interactions here')
    }
    if (draining) return refuse(503, 'shutting down')
    const declared = header(request, 'content-length')
    // Decided before reading: the 413 goes out while the client is still sending.
    if (declared !== undefined && !(Number(declared) <= MAX_BODY_BYTES)) return refuseTooLarge(request, response, onRefused)
    const body = await readBoundedBody(request, MAX_BODY_BYTES)
    if (body === 'too-large') return refuseTooLarge(request, response, onRefused)
    if (body === 'failed') return
    const signature = header(request, 'x-signature-ed25519')
    const timestamp = header(request, 'x-signature-timestamp')
    if (!isSignedByDiscord(publicKey, signature, timestamp, body)) return refuse(401, 'invalid request signature')
    if (!isFresh(timestamp)) return refuse(401, 'request timestamp is more than 5 minutes from now')
    let raw: RawInteraction
    try {
      raw = JSON.parse(body.toString('utf8')) as RawInteraction
    } catch {
      return refuse(400, 'body is not JSON')
    }
    if (typeof raw?.id !== 'string' || !replays.remember(raw.id)) return refuse(409, 'interaction already received')
    try {
      const answer = await answerInteraction(raw, deps)
      send(200, answer.body)
      deps.metrics?.observeFirstResponse(kindOf(raw.type), 'http', (performance.now() - received) / 1000)
      if (answer.afterResponse) {
        const work = answer.afterResponse().catch((error: unknown) => logger.error({ err: loggableError(error) }, 'deferred reply failed'))
        void inFlight.track(work, answer.abort)
      }
    } catch (error) {
      logger.error({ err: loggableError(error) }, 'could not answer the interaction')
      send(200, apology().body)
    }
  }

  const server = createServer((request, response) => {
    void inFlight.track(
      handle(request, response).catch((error: unknown) => {
        logger.error({ err: loggableError(error) }, 'request failed')
        if (!response.headersSent) response.writeHead(500).end()
      }),
    )
  })
  server.headersTimeout = HEADERS_TIMEOUT_MS
  server.requestTimeout = REQUEST_TIMEOUT_MS
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  server.maxConnections = maxConnections

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    server,
    url: `http://${shownHost}:${address.port}/`,
    get draining() {
      return draining
    },
    async drain(timeoutMs) {
      draining = true
      server.closeIdleConnections()
      const result = await inFlight.drain(timeoutMs)
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return result
    },
  }
}

/**
 * 413 with `Connection: close`. The rest of the body is read and dropped
 * (bounded by the request timeout) so the client receives the answer instead
 * of a connection reset.
 */
function refuseTooLarge(request: IncomingMessage, response: ServerResponse, onRefused: HttpEndpointOptions['onRefused']): void {
  onRefused?.(413, 'body too large')
  response.writeHead(413, { 'content-type': 'application/json', connection: 'close' })
  response.end(JSON.stringify({ error: `body over ${MAX_BODY_BYTES} bytes` }))
  request.resume()
}
