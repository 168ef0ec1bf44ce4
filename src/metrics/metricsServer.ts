import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Something that renders Prometheus text: one registry, or the sum over shards. */
export type MetricsSource = () => Promise<{ contentType: string; text: string }>

/**
 * A small server for Prometheus to scrape: GET /metrics, and GET /health.
 * Only those two routes; keep it on a private address (METRICS_HOST).
 */
export async function startMetricsServer(source: MetricsSource, port: number, host: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]
    if (request.method !== 'GET') return void response.writeHead(405, { allow: 'GET' }).end()
    if (path === '/health') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}')
    if (path !== '/metrics') return void response.writeHead(404).end()
    source().then(
      ({ contentType, text }) => response.writeHead(200, { 'content-type': contentType }).end(text),
      () => response.writeHead(500).end(),
    )
  })
  server.headersTimeout = 5_000
  server.requestTimeout = 10_000
  server.maxConnections = 16
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  return { server, url: `http://${host}:${address.port}/metrics` }
}

/** One registry as a metrics source. */
export function registrySource(registry: { metrics(): Promise<string>; contentType: string }): MetricsSource {
  return async () => ({ contentType: registry.contentType, text: await registry.metrics() })
}
