import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction, type Socket } from 'node:net'
import { isInternalAddress, normaliseHost } from './addresses.ts'

/**
 * Fetching a URL a user gave is a security boundary: every way it refuses is
 * one of these, with one sentence fit to show the user.
 */
export type FetchRefusalReason = 'bad-url' | 'scheme' | 'internal-address' | 'timeout' | 'too-large' | 'redirects' | 'content-type' | 'status' | 'network'

export class FetchRefusal extends Error {
  override name = 'FetchRefusal'
  constructor(
    readonly reason: FetchRefusalReason,
    message: string,
  ) {
    super(message)
  }
}

export interface FetchPolicy {
  /** Host names or IPs allowed even though they are internal (`ARTICLE_FETCH_ALLOW_HOSTS`). Nothing else lifts the check. */
  allowHosts: ReadonlySet<string>
  /** For the whole fetch, redirects included. Default 10 s. */
  timeoutMs?: number
  /** Body size cap, enforced while streaming. Default 2 MB. */
  maxBytes?: number
  /** Default 3. */
  maxRedirects?: number
  /** Content types accepted (without parameters). Default HTML and plain text. */
  contentTypes?: readonly string[]
  /** Name resolution; tests give their own to simulate DNS answers. Default `dns.lookup`. */
  resolve?: (hostname: string) => Promise<string[]>
}

export const FETCH_DEFAULTS = {
  timeoutMs: 10_000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 3,
  contentTypes: ['text/html', 'application/xhtml+xml', 'text/plain'],
} as const

export interface FetchedSource {
  /** The URL the body came from, after redirects. */
  url: string
  /** Without parameters, lower case. */
  contentType: string
  body: string
}

const MB = 1024 * 1024

function systemResolve(hostname: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => (error ? reject(error) : resolve(addresses.map((entry) => entry.address))))
  })
}

function isAllowed(host: string, address: string, allowHosts: ReadonlySet<string>): boolean {
  return allowHosts.has(normaliseHost(host)) || allowHosts.has(normaliseHost(address)) || !isInternalAddress(address)
}

function privateRefusal(host: string): FetchRefusal {
  return new FetchRefusal('internal-address', `I can’t fetch from ${host}: it is a private or local address.`)
}

/**
 * The lookup the socket itself uses: every address the name resolves to is
 * checked, so the address connected to is one that was checked (no second
 * resolution for DNS rebinding to change).
 */
function checkedLookup(host: string, policy: FetchPolicy): LookupFunction {
  const resolve = policy.resolve ?? systemResolve
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) return callback(new FetchRefusal('network', `I couldn’t find the site ${host}.`) as NodeJS.ErrnoException, '', 4)
        if (addresses.some((address) => !isAllowed(hostname, address, policy.allowHosts))) return callback(privateRefusal(host) as NodeJS.ErrnoException, '', 4)
        const entries = addresses.map((address) => ({ address, family: isIP(address) }))
        if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, entries)
        const first = entries[0] as LookupAddress
        callback(null, first.address, first.family)
      },
      () => callback(new FetchRefusal('network', `I couldn’t find the site ${host}.`) as NodeJS.ErrnoException, '', 4),
    )
  }
}

function contentTypeOf(response: IncomingMessage): { type: string; charset: string } {
  const header = String(response.headers['content-type'] ?? '')
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim())
  const charset = parameters.find((parameter) => /^charset=/i.test(parameter))?.split('=')[1]?.replace(/"/g, '') ?? 'utf-8'
  return { type: type.toLowerCase(), charset }
}

function decode(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

interface Hop {
  response: IncomingMessage
  url: URL
}

/** One request, its socket's connected address checked again before anything is read. */
function requestOnce(url: URL, policy: FetchPolicy, signal: AbortSignal): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const host = url.hostname
    const literal = normaliseHost(host)
    if (isIP(literal) && !isAllowed(literal, literal, policy.allowHosts)) return reject(privateRefusal(host))
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const request = send(url, {
      method: 'GET',
      headers: { 'user-agent': 'article-quote-bot (+article fetch)', accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1' },
      lookup: checkedLookup(host, policy),
      signal,
    })
    request.on('socket', (socket: Socket) => {
      const check = () => {
        const address = socket.remoteAddress ?? ''
        if (!isAllowed(host, address, policy.allowHosts)) request.destroy(privateRefusal(host))
      }
      if (socket.remoteAddress) check()
      else socket.once('connect', check)
    })
    request.on('response', (response) => resolve({ response, url }))
    request.on('error', (error) => reject(error))
    request.end()
  })
}

function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const tooLarge = () => new FetchRefusal('too-large', `The page is larger than ${maxBytes / MB} MB, the most I read.`)
    response.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        // Rejected first: destroying emits "aborted", which must not win.
        reject(tooLarge())
        response.destroy()
        return
      }
      chunks.push(chunk)
    })
    response.on('end', () => resolve(Buffer.concat(chunks)))
    response.on('error', (error) => reject(signal.aborted ? signal.reason : error))
    response.on('aborted', () => reject(signal.aborted ? signal.reason : new FetchRefusal('network', 'The connection closed before the page arrived.')))
  })
}

function parseHttpUrl(text: string, base?: URL): URL {
  let url: URL
  try {
    url = new URL(text, base)
  } catch {
    throw new FetchRefusal('bad-url', 'That is not a valid URL.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefusal('scheme', `I only fetch http and https links, not ${url.protocol.replace(/:$/, '')}.`)
  return url
}

/**
 * Fetches a page a user pointed to: http(s) only, internal addresses refused
 * (the address connected to is what is checked), at most 3 redirects each
 * checked again, HTML or plain text, 2 MB and 10 s at most.
 */
export async function fetchArticleSource(address: string, policy: FetchPolicy): Promise<FetchedSource> {
  const timeoutMs = policy.timeoutMs ?? FETCH_DEFAULTS.timeoutMs
  const maxBytes = policy.maxBytes ?? FETCH_DEFAULTS.maxBytes
  const maxRedirects = policy.maxRedirects ?? FETCH_DEFAULTS.maxRedirects
  const contentTypes = policy.contentTypes ?? FETCH_DEFAULTS.contentTypes
  const controller = new AbortController()
  const timeout = new FetchRefusal('timeout', `The page took longer than ${timeoutMs / 1000} s to arrive.`)
  const timer = setTimeout(() => controller.abort(timeout), timeoutMs)
  try {
    let url = parseHttpUrl(address)
    for (let redirects = 0; ; redirects++) {
      const { response } = await requestOnce(url, policy, controller.signal)
      const status = response.statusCode ?? 0
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume()
        if (redirects >= maxRedirects) throw new FetchRefusal('redirects', `The link redirects more than ${maxRedirects} times.`)
        url = parseHttpUrl(response.headers.location, url)
        continue
      }
      if (status < 200 || status >= 300) {
        response.resume()
        throw new FetchRefusal('status', `The site answered HTTP ${status}, not the page.`)
      }
      const { type, charset } = contentTypeOf(response)
      if (!contentTypes.includes(type)) {
        response.resume()
        throw new FetchRefusal('content-type', `The link is ${type || 'of no stated type'}, not an HTML page or plain text.`)
      }
      const length = Number(response.headers['content-length'])
      if (Number.isFinite(length) && length > maxBytes) {
        response.destroy()
        throw new FetchRefusal('too-large', `The page is larger than ${maxBytes / MB} MB, the most I read.`)
      }
      const body = await readBody(response, maxBytes, controller.signal)
      return { url: url.toString(), contentType: type, body: decode(body, charset) }
    }
  } catch (error) {
    if (error instanceof FetchRefusal) throw error
    if (controller.signal.aborted) throw timeout
    const cause = (error as { cause?: unknown }).cause
    if (cause instanceof FetchRefusal) throw cause
    throw new FetchRefusal('network', `I couldn’t reach ${safeHost(address)} (${(error as NodeJS.ErrnoException).code ?? 'network error'}).`)
  } finally {
    clearTimeout(timer)
  }
}

function safeHost(address: string): string {
  try {
    return new URL(address).host
  } catch {
    return 'the site'
  }
}
