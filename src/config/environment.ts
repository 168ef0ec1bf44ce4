import { z } from 'zod'
import { DEFAULT_CORPUS_DIR } from './paths.ts'
import { productionSettings } from './productionSettings.ts'
import { storageSettings } from './storageSettings.ts'

const snowflake = z.string().trim().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)')

/** Bot tokens are three dot-separated base64url parts; the message never repeats the value. */
const token = z
  .string()
  .trim()
  .regex(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/, 'does not look like a bot token (three dot-separated parts, from the Bot page of the developer portal)')

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

/** Every setting the project reads from the environment, with its default. */
export const environmentSchema = z.object({
  /** Bot token; without it `npm start` opens the local console. */
  DISCORD_TOKEN: z.preprocess(blankAsUndefined, token.optional()),
  /** Application id, needed to register commands. */
  DISCORD_APPLICATION_ID: z.preprocess(blankAsUndefined, snowflake.optional()),
  /** A guild to register commands in instantly (development); unset means global. */
  DISCORD_GUILD_ID: z.preprocess(blankAsUndefined, snowflake.optional()),
  /** REST base URL; unset means Discord's own. Lets the bot run behind a REST proxy, and the tests use a local server. */
  DISCORD_API_URL: z.preprocess(
    blankAsUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      // discord.js appends "/v10/…": a trailing slash would make "//v10".
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  /** The application's public key (developer portal, General Information), for HTTP interactions mode. */
  DISCORD_PUBLIC_KEY: z.preprocess(blankAsUndefined, z.string().trim().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64-hex-digit public key from the developer portal').optional()),
  /** Where `npm run start:http` listens. Default 127.0.0.1:8080. */
  HTTP_PORT: z.preprocess(blankAsUndefined, z.coerce.number().int().min(0).max(65535).default(8080)),
  HTTP_HOST: z.preprocess(blankAsUndefined, z.string().default('127.0.0.1')),
  LOG_LEVEL: z.preprocess(blankAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  /**
   * Host names or IPs (comma-separated) that `/article add` may fetch from even
   * though they are private or local addresses. The only way to allow them.
   */
  ARTICLE_FETCH_ALLOW_HOSTS: z.preprocess(blankAsUndefined, z.string().optional()),
  /**
   * Secret that voters are hashed with for "one vote per person per answer". Optional: derived from
   * DISCORD_TOKEN when unset (see interactions/feedback.ts); set it to keep votes matched across a token rotation.
   */
  FEEDBACK_SALT: z.preprocess(blankAsUndefined, z.string().min(16, 'must be at least 16 characters (a random secret)').optional()),
  /** Folder of `*.md` articles. Default: the project's `corpus/`. */
  CORPUS_DIR: z.preprocess(blankAsUndefined, z.string().default(DEFAULT_CORPUS_DIR)),
  ...productionSettings,
  ...storageSettings,
})

export type Environment = z.infer<typeof environmentSchema>

/** Configuration that cannot be used; one line per problem, no values echoed. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const parsed = environmentSchema.safeParse(source)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)
  throw new ConfigurationError(`invalid configuration: ${problems.join('; ')} (see .env.example)`)
}
