/**
 * The storage port: what the bot remembers between interactions, and nothing
 * more. Handlers and the insights report see only this interface; the adapters
 * (an in-memory one for tests, SQLite by default, PostgreSQL when
 * `DATABASE_URL` is set) live beside it.
 *
 * Privacy: no user id or name is ever stored. A vote carries a salted hash of
 * its voter and its answer, so one person has one vote per answer, and the hash
 * goes when the vote does. Every row has a time, and `purge` removes rows older
 * than the retention period.
 */

/** A question the bot could not answer, as the engine read it. */
export interface UnansweredRecord {
  /** Null for DMs and user installs outside a guild. */
  guildId: string | null
  /** The normalised question text (what the engine read, not what was typed). */
  question: string
  /** The article picked, or null when the whole scope was searched. */
  article: string | null
  at: Date
}

export type Vote = 'up' | 'down'

export interface VoteRecord {
  guildId: string | null
  /** What was answered: the stable id of the passage the answer quoted. */
  passageId: string
  /** Which answer the vote is on (the answer message's id, or a digest of it). */
  answerKey: string
  /** Salted hash of voter and answer; see `voterHash` in the feedback module. */
  voterHash: string
  vote: Vote
  at: Date
}

/** What a vote did: a first vote, a change of mind, or the same vote again. */
export type VoteOutcome = 'recorded' | 'changed' | 'unchanged'

export interface CommandUseRecord {
  guildId: string | null
  /** The command's name (`ask`, `quote`, `Check against the article`). */
  command: string
  at: Date
}

export interface UnansweredCount {
  question: string
  article: string | null
  count: number
  lastAt: Date
}

export interface PassageVotes {
  passageId: string
  up: number
  down: number
}

export interface CommandCount {
  command: string
  count: number
}

/** Rows from one guild (null: outside any guild) since a time. */
export interface InsightsWindow {
  guildId: string | null
  since: Date
}

export interface Storage {
  /** Which adapter this is, for the start-up log line (`sqlite`, `postgres`, `memory`, `none`). */
  readonly kind: string
  recordUnanswered(record: UnansweredRecord): Promise<void>
  /** One vote per `voterHash` and `answerKey`; a second vote replaces the first. */
  recordVote(record: VoteRecord): Promise<VoteOutcome>
  recordCommandUse(record: CommandUseRecord): Promise<void>
  /** Identical normalised questions counted together, most asked first. Grouping by meaning is the caller's. */
  unansweredQuestions(window: InsightsWindow): Promise<UnansweredCount[]>
  /** Votes per passage, most 👎 first. */
  votesByPassage(window: InsightsWindow): Promise<PassageVotes[]>
  commandCounts(window: InsightsWindow): Promise<CommandCount[]>
  /** Removes every row older than `before`; returns how many went. */
  purgeOlderThan(before: Date): Promise<number>
  close(): Promise<void>
}
