import type { Storage, VoteOutcome } from './storage.ts'

/**
 * What the bot runs on when its database cannot be used: nothing is kept,
 * every query is empty, and the bot goes on answering. `reason` says why, for
 * the commands that need storage (/insights) to tell the moderator.
 */
export class NoStorage implements Storage {
  readonly kind = 'none'
  constructor(readonly reason: string) {}
  async recordUnanswered(): Promise<void> {}
  async recordVote(): Promise<VoteOutcome> {
    return 'recorded'
  }
  async recordCommandUse(): Promise<void> {}
  async unansweredQuestions() {
    return []
  }
  async votesByPassage() {
    return []
  }
  async commandCounts() {
    return []
  }
  async purgeOlderThan(): Promise<number> {
    return 0
  }
  async close(): Promise<void> {}
}

/** Why nothing is stored (null when storage works): absent, or NoStorage (however wrapped). */
export function storageOffReason(storage: Storage | undefined): string | null {
  if (!storage) return 'this transport keeps no storage'
  if (storage.kind !== 'none') return null
  return 'reason' in storage && typeof storage.reason === 'string' ? storage.reason : 'storage is off'
}
