import { DiscordAPIError, HTTPError } from 'discord.js'

/** Interaction and webhook tokens sit in REST paths: each lets its holder answer as the bot for 15 minutes. */
export function redactTokens(url: string): string {
  return url.replace(/(\/(?:interactions\/\d+|webhooks\/\d+))\/[^/?#]+/g, '$1/[token]')
}

/**
 * What an error may put in the logs: its kind, message and where it happened,
 * never the request it carried (which echoes user text) nor the tokens in its URL.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) {
    return { type: 'DiscordAPIError', code: error.code, status: error.status, method: error.method, url: redactTokens(error.url), message: error.message }
  }
  if (error instanceof HTTPError) {
    return { type: 'HTTPError', status: error.status, method: error.method, url: redactTokens(error.url), message: error.message }
  }
  if (error instanceof Error) return { type: error.name, message: redactTokens(error.message), stack: error.stack ? redactTokens(error.stack) : undefined }
  return { type: typeof error, message: String(error) }
}
