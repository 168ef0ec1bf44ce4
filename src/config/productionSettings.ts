import { z } from 'zod'

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)
const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max)

/** Settings for running the bot in production: shutdown, metrics, cooldowns, sharding, the HTTP endpoint's limits. */
export const productionSettings = {
  /** How long SIGTERM/SIGINT waits for in-flight interactions before giving up on them. Default 8000. */
  SHUTDOWN_TIMEOUT_MS: z.preprocess(blankAsUndefined, integer(0, 600_000).default(8_000)),
  /** Gateway mode: serve Prometheus metrics on this port (off when unset). HTTP mode serves them on its own port. */
  METRICS_PORT: z.preprocess(blankAsUndefined, integer(0, 65535).optional()),
  METRICS_HOST: z.preprocess(blankAsUndefined, z.string().default('127.0.0.1')),
  /** Per-user cooldown on /ask and /quote: at most COOLDOWN_MAX uses in COOLDOWN_WINDOW_SECONDS (0 turns it off). */
  COOLDOWN_MAX: z.preprocess(blankAsUndefined, integer(0, 1000).default(5)),
  COOLDOWN_WINDOW_SECONDS: z.preprocess(blankAsUndefined, integer(1, 3600).default(10)),
  /** `npm run start:sharded`: a number of shards, or `auto` for Discord's recommendation (GET /gateway/bot). */
  SHARD_COUNT: z.preprocess(
    blankAsUndefined,
    z
      .union([z.literal('auto'), integer(1, 4096)], { error: 'must be a positive whole number or auto' })
      .default('auto'),
  ),
  /** HTTP mode: most simultaneous connections the endpoint accepts. */
  HTTP_MAX_CONNECTIONS: z.preprocess(blankAsUndefined, integer(1, 100_000).default(256)),
}
