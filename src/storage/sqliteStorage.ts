import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { pendingMigrations, SCHEMA_VERSION_TABLE } from './migrations.ts'
import { commandOrder, guildKey, unansweredOrder, votesOrder } from './ordering.ts'
import { SQL, type CommandRow, type UnansweredRow, type VotesRow } from './sqlQueries.ts'
import type {
  CommandCount,
  CommandUseRecord,
  InsightsWindow,
  PassageVotes,
  Storage,
  UnansweredCount,
  UnansweredRecord,
  Vote,
  VoteOutcome,
  VoteRecord,
} from './storage.ts'

/**
 * The embedded default: one SQLite file through better-sqlite3, in WAL mode
 * so that readers never wait for the writer and several processes (shards)
 * can share the file. Calls are synchronous and short; the port's promises
 * keep handlers unaware of which adapter they have.
 */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite'
  readonly #db: Database.Database
  readonly #statements

  /**
   * Opens (creating when missing) and migrates the file. Throws when the file
   * is not a database, or cannot be written: openStorage turns that into one
   * log line and no storage.
   */
  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true })
    this.#db = new Database(path, { timeout: 5_000 })
    try {
      this.#db.pragma('journal_mode = WAL')
      this.#db.pragma('synchronous = NORMAL')
      this.#migrate()
      this.#probeWrite()
    } catch (error) {
      this.#db.close()
      throw error
    }
    const db = this.#db
    this.#statements = {
      insertUnanswered: db.prepare(SQL.insertUnanswered),
      selectVote: db.prepare<[string, string], { vote: Vote }>(SQL.selectVote),
      upsertVote: db.prepare(SQL.upsertVote),
      insertCommandUse: db.prepare(SQL.insertCommandUse),
      unansweredQuestions: db.prepare<[string, number], UnansweredRow>(SQL.unansweredQuestions),
      votesByPassage: db.prepare<[string, number], VotesRow>(SQL.votesByPassage),
      commandCounts: db.prepare<[string, number], CommandRow>(SQL.commandCounts),
      purge: SQL.purge.map((sql) => db.prepare(sql)),
    }
  }

  #migrate(): void {
    this.#db.exec(SCHEMA_VERSION_TABLE)
    // IMMEDIATE: a second process starting at the same time waits here instead of applying the steps twice.
    this.#db
      .transaction(() => {
        const { version } = this.#db.prepare<[], { version: number }>(SQL.currentVersion).get() ?? { version: 0 }
        for (const step of pendingMigrations(version)) {
          for (const statement of step.statements) this.#db.exec(statement)
          this.#db.prepare(SQL.recordVersion).run(step.version, Date.now())
        }
      })
      .immediate()
  }

  /** A file opened read-only only fails at the first write: find out at start, not at the first vote. */
  #probeWrite(): void {
    this.#db.transaction(() => this.#db.exec('CREATE TABLE IF NOT EXISTS write_probe (x INTEGER); DROP TABLE write_probe')).immediate()
  }

  async recordUnanswered(record: UnansweredRecord): Promise<void> {
    this.#statements.insertUnanswered.run(guildKey(record.guildId), record.question, record.article, record.at.getTime())
  }

  async recordVote(record: VoteRecord): Promise<VoteOutcome> {
    return this.#db
      .transaction((): VoteOutcome => {
        const previous = this.#statements.selectVote.get(record.answerKey, record.voterHash)
        this.#statements.upsertVote.run(record.answerKey, record.voterHash, guildKey(record.guildId), record.passageId, record.vote, record.at.getTime())
        if (!previous) return 'recorded'
        return previous.vote === record.vote ? 'unchanged' : 'changed'
      })
      .immediate()
  }

  async recordCommandUse(record: CommandUseRecord): Promise<void> {
    this.#statements.insertCommandUse.run(guildKey(record.guildId), record.command, record.at.getTime())
  }

  async unansweredQuestions(window: InsightsWindow): Promise<UnansweredCount[]> {
    return this.#statements.unansweredQuestions
      .all(guildKey(window.guildId), window.since.getTime())
      .map((row) => ({ question: row.question, article: row.article, count: Number(row.count), lastAt: new Date(Number(row.last_at)) }))
      .sort(unansweredOrder)
  }

  async votesByPassage(window: InsightsWindow): Promise<PassageVotes[]> {
    return this.#statements.votesByPassage
      .all(guildKey(window.guildId), window.since.getTime())
      .map((row) => ({ passageId: row.passage_id, up: Number(row.up), down: Number(row.down) }))
      .sort(votesOrder)
  }

  async commandCounts(window: InsightsWindow): Promise<CommandCount[]> {
    return this.#statements.commandCounts
      .all(guildKey(window.guildId), window.since.getTime())
      .map((row) => ({ command: row.command, count: Number(row.count) }))
      .sort(commandOrder)
  }

  async purgeOlderThan(before: Date): Promise<number> {
    return this.#db.transaction(() => this.#statements.purge.reduce((removed, statement) => removed + statement.run(before.getTime()).changes, 0))()
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close()
  }
}
