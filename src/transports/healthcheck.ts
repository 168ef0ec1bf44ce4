/**
 * The container's HEALTHCHECK: healthy when GET /health answers 200 on this
 * machine, on the HTTP interactions port (HTTP mode) or the metrics port
 * (gateway mode with METRICS_PORT). Plain Node, no settings file: it must
 * run even when the bot's own configuration is broken.
 */
const ports = [process.env.HTTP_PORT || '8080', process.env.METRICS_PORT].filter((port): port is string => Boolean(port && /^\d+$/.test(port)))

async function healthy(port: string): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(3_000) })
    return response.status === 200
  } catch {
    return false
  }
}

const results = await Promise.all(ports.map(healthy))
process.exit(results.some(Boolean) ? 0 : 1)
