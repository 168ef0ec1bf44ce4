import pino, { type Logger } from 'pino'

export type { Logger }

/**
 * Structured JSON logs on stdout. Anything that could carry the token is
 * redacted, though nothing should log it in the first place.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'article-quote-bot' },
    redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
  }
  return destination ? pino(options, destination) : pino(options)
}
