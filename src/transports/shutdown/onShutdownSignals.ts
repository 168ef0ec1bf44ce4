import type { Logger } from '../../logging/logger.ts'
import { loggableError } from '../discordRest/loggableError.ts'

/** Exit codes for a second signal: the shell's 128 + signal number. */
const EXIT_AT_ONCE: Record<string, number> = { SIGINT: 130, SIGTERM: 143 }

/**
 * SIGTERM or SIGINT starts `shutdown` (drain, disconnect) and exits 0 once it
 * is done; a second signal exits at once, for an operator who will not wait.
 */
export function onShutdownSignals(shutdown: (signal: NodeJS.Signals) => Promise<void>, logger: Logger): void {
  let stopping = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once')
      process.exit(EXIT_AT_ONCE[signal] ?? 1)
    }
    stopping = true
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: loggableError(error) }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}
