/**
 * The fetch boundary: one test for each way it must refuse, against a local
 * HTTP server on 127.0.0.1 (allowed only through the allow list, as in production).
 */
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isInternalAddress, parseAllowHosts } from '../../src/fetch/addresses.ts'
import { FetchRefusal, fetchArticleSource, type FetchPolicy } from '../../src/fetch/fetchArticleSource.ts'

const PAGE = '<html><head><title>A page</title></head><body><p>Hello.</p></body></html>'
let server: Server
let base: string
let port: number

function html(res: ServerResponse, body: string, type = 'text/html; charset=utf-8') {
  res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    switch (url.pathname) {
      case '/page':
        return html(res, PAGE)
      case '/text':
        return html(res, 'One line.\nTwo lines.', 'text/plain')
      case '/json':
        return html(res, '{"a":1}', 'application/json')
      case '/loop':
        res.writeHead(302, { location: '/loop' })
        return res.end()
      case '/hops': {
        const left = Number(url.searchParams.get('n'))
        res.writeHead(302, { location: left > 0 ? `/hops?n=${left - 1}` : '/page' })
        return res.end()
      }
      case '/to-other-loopback':
        res.writeHead(302, { location: `http://127.0.0.2:${port}/page` })
        return res.end()
      case '/to-ftp':
        res.writeHead(302, { location: 'ftp://example.com/file' })
        return res.end()
      case '/big-declared':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(3 * 1024 * 1024) })
        return res.end()
      case '/big-streamed': {
        // No content-length: the cap must hold while streaming.
        res.writeHead(200, { 'content-type': 'text/html' })
        const chunk = Buffer.alloc(64 * 1024, 'a')
        let sent = 0
        const pump = () => {
          while (sent < 3 * 1024 * 1024) {
            sent += chunk.length
            if (!res.write(chunk)) return res.once('drain', pump)
          }
          res.end()
        }
        return pump()
      }
      case '/slow':
        res.writeHead(200, { 'content-type': 'text/html' })
        res.write('<p>')
        return // never ends
      case '/missing':
        res.writeHead(404, { 'content-type': 'text/html' })
        return res.end('no')
      default:
        res.writeHead(404)
        return res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const allowLocal: FetchPolicy = { allowHosts: parseAllowHosts('127.0.0.1') }

async function refusal(promise: Promise<unknown>): Promise<FetchRefusal> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(FetchRefusal)
    const message = (error as Error).message
    expect(message, 'one sentence').toMatch(/^[^\n]+\.$/)
    return error as FetchRefusal
  }
  throw new Error('expected a refusal')
}

describe('fetchArticleSource accepts', () => {
  it('an HTML page from an allowed host, with its final URL and type', async () => {
    const fetched = await fetchArticleSource(`${base}/page`, allowLocal)
    expect(fetched).toEqual({ url: `${base}/page`, contentType: 'text/html', body: PAGE })
  })

  it('plain text, and up to 3 redirects', async () => {
    expect((await fetchArticleSource(`${base}/text`, allowLocal)).body).toBe('One line.\nTwo lines.')
    expect((await fetchArticleSource(`${base}/hops?n=2`, allowLocal)).url).toBe(`${base}/page`)
  })
})

describe('fetchArticleSource refuses', () => {
  it.each(['ftp://example.com/a', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi'])('a non-http(s) scheme: %s', async (url) => {
    expect((await refusal(fetchArticleSource(url, allowLocal))).reason).toBe('scheme')
  })

  it('text that is not a URL', async () => {
    expect((await refusal(fetchArticleSource('not a url', allowLocal))).reason).toBe('bad-url')
  })

  it('a loopback address without the allow list', async () => {
    expect((await refusal(fetchArticleSource(`${base}/page`, { allowHosts: new Set() }))).reason).toBe('internal-address')
  })

  it('a host name that resolves to a private address (localhost), unless that name is allowed', async () => {
    expect((await refusal(fetchArticleSource(`http://localhost:${port}/page`, { allowHosts: new Set() }))).reason).toBe('internal-address')
    expect((await fetchArticleSource(`http://localhost:${port}/page`, { allowHosts: parseAllowHosts('localhost') })).body).toBe(PAGE)
  })

  it('a name whose DNS answer changes to a private address: the address connected to is checked each time (rebinding)', async () => {
    // First answer: the allowed 127.0.0.1. The redirect's connection resolves again and gets 127.0.0.2.
    const answers = ['127.0.0.1', '127.0.0.2']
    const policy: FetchPolicy = { allowHosts: parseAllowHosts('127.0.0.1'), resolve: async () => [answers.shift() ?? '127.0.0.2'] }
    const server2 = `http://rebind.test:${port}`
    expect((await refusal(fetchArticleSource(`${server2}/hops?n=0`, { ...policy }))).reason).toBe('internal-address')
  })

  it('a name resolving to any internal address among public ones', async () => {
    const policy: FetchPolicy = { allowHosts: new Set(), resolve: async () => ['93.184.216.34', '10.0.0.5'] }
    expect((await refusal(fetchArticleSource('http://mixed.test/page', policy))).reason).toBe('internal-address')
  })

  it('a redirect to an internal host that is not allowed', async () => {
    expect((await refusal(fetchArticleSource(`${base}/to-other-loopback`, allowLocal))).reason).toBe('internal-address')
  })

  it('a redirect to another scheme', async () => {
    expect((await refusal(fetchArticleSource(`${base}/to-ftp`, allowLocal))).reason).toBe('scheme')
  })

  it('a redirect loop, and more than 3 redirects', async () => {
    expect((await refusal(fetchArticleSource(`${base}/loop`, allowLocal))).reason).toBe('redirects')
    expect((await refusal(fetchArticleSource(`${base}/hops?n=3`, allowLocal))).reason).toBe('redirects')
  })

  it('a content type that is neither HTML nor plain text', async () => {
    const refused = await refusal(fetchArticleSource(`${base}/json`, allowLocal))
    expect(refused.reason).toBe('content-type')
    expect(refused.message).toContain('application/json')
  })

  it('a body over 2 MB, declared or streamed', async () => {
    expect((await refusal(fetchArticleSource(`${base}/big-declared`, allowLocal))).reason).toBe('too-large')
    expect((await refusal(fetchArticleSource(`${base}/big-streamed`, allowLocal))).reason).toBe('too-large')
  })

  it('a page slower than the timeout', async () => {
    expect((await refusal(fetchArticleSource(`${base}/slow`, { ...allowLocal, timeoutMs: 300 }))).reason).toBe('timeout')
  })

  it('an error status', async () => {
    expect((await refusal(fetchArticleSource(`${base}/missing`, allowLocal))).reason).toBe('status')
  })
})

describe('isInternalAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '224.0.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '100.64.0.1', 'not-an-ip'])(
    '%s is internal',
    (address) => expect(isInternalAddress(address)).toBe(true),
  )
  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => expect(isInternalAddress(address)).toBe(false))
})
