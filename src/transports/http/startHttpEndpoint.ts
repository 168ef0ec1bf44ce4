import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { KeyObject } from 'node:crypto'
import type { Logger } from '../../logging/logger.ts'
import { loggableError } from '../discordRest/loggableError.ts'
import { answerInteraction, apology, type HttpDependencies } from './answerInteraction.ts'
import type { RawInteraction } from './apiInputs.ts'
import { isSignedByDiscord } from './verifySignature.ts'

export interface HttpEndpointOptions {
  port: number
  /** Default 127.0.0.1: put a TLS-terminating proxy in front for Discord to reach it. */
  host?: string
  publicKey: KeyObject
  deps: HttpDependencies
}

/** Interaction payloads are small; anything larger is not from Discord. */
const MAX_BODY_BYTES = 1_000_000

function readBody(request: import('node:http').IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        resolve(null)
        request.destroy()
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

/**
 * Discord's HTTP interactions mode: one POST endpoint that verifies each
 * request's Ed25519 signature before anything else, then answers through the
 * same router and handlers as the gateway bot.
 */
export async function startHttpEndpoint({ port, host = '127.0.0.1', publicKey, deps }: HttpEndpointOptions): Promise<{ server: Server; url: string }> {
  const logger: Logger = deps.logger
  const server = createServer(async (request, response) => {
    const send = (status: number, body?: unknown) => {
      response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' })
      response.end(body === undefined ? undefined : JSON.stringify(body))
    }
    if (request.method !== 'POST') return send(405, { error: 'POST interactions here' })
    const body = await readBody(request).catch(() => null)
    if (body === null) return send(413, { error: 'body too large' })
    const signature = request.headers['x-signature-ed25519']
    const timestamp = request.headers['x-signature-timestamp']
    if (!isSignedByDiscord(publicKey, typeof signature === 'string' ? signature : undefined, typeof timestamp === 'string' ? timestamp : undefined, body)) {
      return send(401, { error: 'invalid request signature' })
    }
    let raw: RawInteraction
    try {
      raw = JSON.parse(body.toString('utf8')) as RawInteraction
    } catch {
      return send(400, { error: 'body is not JSON' })
    }
    try {
      const answer = await answerInteraction(raw, deps)
      send(200, answer.body)
      answer.afterResponse?.().catch((error: unknown) => logger.error({ err: loggableError(error) }, 'deferred reply failed'))
    } catch (error) {
      logger.error({ err: loggableError(error) }, 'could not answer the interaction')
      send(200, apology().body)
    }
  })
  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  const address = server.address() as AddressInfo
  return { server, url: `http://${host}:${address.port}/` }
}
