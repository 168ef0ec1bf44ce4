import { RESTEvents, type REST } from 'discord.js'
import type { BotMetrics } from '../../metrics/botMetrics.ts'

/** Counts discord.js REST rate limits, 429 answers and retries. */
export function watchRest(rest: REST, metrics: BotMetrics): void {
  rest.on(RESTEvents.RateLimited, (info) => metrics.restRateLimited.inc({ global: String(info.global) }))
  rest.on(RESTEvents.Response, (request, response) => {
    // discord.js always sends a request again after a 429; after a 5xx it counts its retries.
    if (response.status === 429) metrics.rest429.inc()
    if (response.status === 429 || request.retries > 0) metrics.restRetries.inc()
  })
}
