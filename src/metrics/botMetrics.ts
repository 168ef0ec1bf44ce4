import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** Bounded label values: a command name from Discord is only used if the bot knows it. */
export type InteractionKind = 'command' | 'autocomplete' | 'button' | 'other'

/**
 * Every metric the bot exports, in one registry per process (Prometheus
 * text on /metrics). Labels are bounded: command names the bot registered,
 * a handful of outcomes and kinds, never user text or ids.
 */
export class BotMetrics {
  readonly registry = new Registry()
  readonly interactions: Counter<'kind' | 'command' | 'outcome'>
  readonly firstResponse: Histogram<'kind' | 'transport'>
  readonly unanswered: Counter<'reason'>
  readonly cooldowns: Counter<'command'>
  readonly restRateLimited: Counter<'global'>
  readonly rest429: Counter
  readonly restRetries: Counter
  readonly gatewayReconnects: Counter
  readonly gatewayResumes: Counter
  readonly engineBuildSeconds: Gauge
  readonly articles: Gauge
  readonly httpRefused: Counter<'status'>

  constructor(readonly knownCommands: readonly string[] = [], { processMetrics = true } = {}) {
    const registers = [this.registry]
    this.interactions = new Counter({ name: 'bot_interactions_total', help: 'Interactions handled, by kind, command and outcome (ok, unknown, error = apologised by the router, failed = apologised after a send error, cooldown, restarting)', labelNames: ['kind', 'command', 'outcome'], registers })
    this.firstResponse = new Histogram({
      name: 'bot_first_response_seconds',
      help: 'Time from receiving an interaction to its first response (reply, deferral or update) reaching Discord',
      labelNames: ['kind', 'transport'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
      registers,
    })
    this.unanswered = new Counter({ name: 'bot_interactions_unanswered_total', help: 'Interactions left without their intended answer: apologised (the generic apology went out) or unanswered (even that failed), or aborted at shutdown', labelNames: ['reason'], registers })
    this.cooldowns = new Counter({ name: 'bot_cooldowns_total', help: 'Uses refused by the per-user cooldown', labelNames: ['command'], registers })
    this.restRateLimited = new Counter({ name: 'bot_rest_rate_limited_total', help: 'discord.js rateLimited events: requests held back by a rate limit', labelNames: ['global'], registers })
    this.rest429 = new Counter({ name: 'bot_rest_429_total', help: 'REST answers with status 429', registers })
    this.restRetries = new Counter({ name: 'bot_rest_retries_total', help: 'REST requests discord.js sent again (after a 429 or a 5xx)', registers })
    this.gatewayReconnects = new Counter({ name: 'bot_gateway_reconnects_total', help: 'Gateway reconnect attempts', registers })
    this.gatewayResumes = new Counter({ name: 'bot_gateway_resumes_total', help: 'Gateway sessions resumed', registers })
    this.engineBuildSeconds = new Gauge({ name: 'bot_engine_build_seconds', help: 'Time to read the corpus and build the engine', registers })
    this.articles = new Gauge({ name: 'bot_articles', help: 'Articles the engine answers from', registers })
    this.httpRefused = new Counter({ name: 'bot_http_refused_total', help: 'HTTP interactions requests refused, by status (401 signature or timestamp, 409 replay, 413 size, 503 draining)', labelNames: ['status'], registers })
    if (processMetrics) collectDefaultMetrics({ register: this.registry })
  }

  /** A command name safe to use as a label: unknown names would let anyone grow the label set. */
  commandLabel(name: string): string {
    return this.knownCommands.includes(name) ? name : 'other'
  }

  countInteraction(kind: InteractionKind, command: string, outcome: string): void {
    this.interactions.inc({ kind, command: this.commandLabel(command), outcome })
    if (outcome === 'error' || outcome === 'failed') this.unanswered.inc({ reason: 'apologised' })
    if (outcome === 'cooldown') this.cooldowns.inc({ command: this.commandLabel(command) })
  }

  observeFirstResponse(kind: InteractionKind, transport: 'gateway' | 'http', seconds: number): void {
    this.firstResponse.observe({ kind, transport }, seconds)
  }

  recordEngine(buildMs: number, articleCount: number): void {
    this.engineBuildSeconds.set(buildMs / 1000)
    this.articles.set(articleCount)
  }
}
