import type { Storage } from './storage.ts'

export const DAY_MS = 24 * 60 * 60 * 1000

export interface RetentionOptions {
  days: number
  now: () => Date
  /** How often to purge; a day unless a test says otherwise. */
  everyMs?: number
  onPurged?: (removed: number, before: Date) => void
  onError?: (error: unknown) => void
}

export interface Retention {
  /** The first purge, run at start. */
  readonly first: Promise<void>
  stop(): void
}

/**
 * Removes rows older than the retention period once at start and then daily.
 * The timer is unref'd (it never keeps the process alive) and stopped at
 * shutdown; a failed purge is reported and tried again at the next tick.
 */
export function startRetention(storage: Storage, { days, now, everyMs = DAY_MS, onPurged, onError }: RetentionOptions): Retention {
  const purge = async () => {
    const before = new Date(now().getTime() - days * DAY_MS)
    try {
      onPurged?.(await storage.purgeOlderThan(before), before)
    } catch (error) {
      onError?.(error)
    }
  }
  const timer = setInterval(() => void purge(), everyMs)
  timer.unref()
  return { first: purge(), stop: () => clearInterval(timer) }
}
