import type { Environment } from '../config/environment.ts'
import type { Logger } from '../logging/logger.ts'
import { openStorage } from './openStorage.ts'
import { DAY_MS, startRetention } from './retention.ts'
import type { Storage } from './storage.ts'

/** Storage as a running bot holds it: the port for handlers, the clock, and how to stop both. */
export interface StorageRuntime {
  storage: Storage
  now: () => Date
  /** Stops the daily purge and closes the database (after the last interaction is answered). */
  close(): Promise<void>
}

/**
 * Recording is a side effect no reply waits for or fails on: unanswered
 * questions and command uses are written after the current turn of the event
 * loop, and a failure is logged, never thrown. Votes and queries pass
 * through: their callers use the answer.
 */
export function fireAndForgetRecords(storage: Storage, onError: (error: unknown, what: string) => void): Storage {
  const later = (work: () => Promise<unknown>, what: string) =>
    new Promise<void>((resolve) => {
      setImmediate(() => {
        Promise.resolve()
          .then(work)
          .catch((error: unknown) => onError(error, what))
          .finally(resolve)
      })
    })
  return {
    kind: storage.kind,
    recordUnanswered: (record) => later(() => storage.recordUnanswered(record), 'an unanswered question'),
    recordCommandUse: (record) => later(() => storage.recordCommandUse(record), 'a command use'),
    recordVote: (record) => storage.recordVote(record),
    unansweredQuestions: (window) => storage.unansweredQuestions(window),
    votesByPassage: (window) => storage.votesByPassage(window),
    commandCounts: (window) => storage.commandCounts(window),
    purgeOlderThan: (before) => storage.purgeOlderThan(before),
    close: () => storage.close(),
    // NoStorage's reason, for /insights to say why it is off.
    ...('reason' in storage ? { reason: storage.reason } : {}),
  } as Storage
}

/**
 * Opens the configured storage (or NoStorage, with one log line), purges what
 * is past RETENTION_DAYS before the first interaction and then daily. The
 * clock is the system's, moved by TEST_CLOCK_OFFSET_DAYS in tests only.
 */
export async function startStorage(
  environment: Pick<Environment, 'DATA_DIR' | 'DATABASE_URL' | 'RETENTION_DAYS' | 'TEST_CLOCK_OFFSET_DAYS'>,
  logger: Logger,
): Promise<StorageRuntime> {
  const offsetMs = environment.TEST_CLOCK_OFFSET_DAYS * DAY_MS
  const now = () => new Date(Date.now() + offsetMs)
  const opened = await openStorage(environment, logger)
  const retention = startRetention(opened, {
    days: environment.RETENTION_DAYS,
    now,
    onPurged: (removed, before) => {
      if (removed > 0) logger.info({ removed, before: before.toISOString(), retentionDays: environment.RETENTION_DAYS }, `storage: purged ${removed} row(s) older than ${environment.RETENTION_DAYS} days`)
    },
    onError: (error) => logger.warn({ problem: (error as Error)?.message }, 'storage: the retention purge failed; it runs again tomorrow'),
  })
  await retention.first
  const storage = fireAndForgetRecords(opened, (error, what) => logger.warn({ problem: (error as Error)?.message }, `storage: could not record ${what}`))
  return {
    storage,
    now,
    close: async () => {
      retention.stop()
      await opened.close()
    },
  }
}
