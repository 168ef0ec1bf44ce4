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
    begin(signal)
  }
  const begin = (signal: NodeJS.Signals) => {
    if (stopping) return
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
  // A shard asked to stop by its ShardingManager (over IPC, not a signal: the shard may also get the
  // terminal's or systemd's own signal, and two signals would mean "exit at once").
  process.on('message', (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === SHUTDOWN_MESSAGE) begin('SIGTERM')
  })
}

/** The IPC message a ShardingManager sends its shards to start a graceful shutdown. */
export const SHUTDOWN_MESSAGE = 'bot:shutdown'
