import pg from 'pg'
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

/** PostgreSQL numbers its placeholders: `?` → `$1`, `$2`… (the shared statements contain no literal `?`). */
export function numberPlaceholders(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

/** Any constant: it only has to be the same in every process, so concurrent start-ups migrate one at a time. */
const MIGRATION_LOCK = 734_201

/**
 * The shared database for several hosts (shards, HTTP replicas): the same
 * schema and statements as SQLite, over a `pg` Pool.
 */
export class PostgresStorage implements Storage {
  readonly kind = 'postgres'
  readonly #pool: pg.Pool

  private constructor(pool: pg.Pool) {
    this.#pool = pool
  }

  /** Connects and migrates; throws (and closes the pool) when the server cannot be used. */
  static async open(connectionString: string, options: { max?: number } = {}): Promise<PostgresStorage> {
    const pool = new pg.Pool({ connectionString, max: options.max ?? 5, connectionTimeoutMillis: 5_000 })
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => undefined)
    const storage = new PostgresStorage(pool)
    try {
      await storage.#migrate()
    } catch (error) {
      await pool.end().catch(() => undefined)
      throw error
    }
    return storage
  }

  async #query<Row extends pg.QueryResultRow>(sql: string, params: unknown[], client: pg.Pool | pg.PoolClient = this.#pool): Promise<pg.QueryResult<Row>> {
    return client.query<Row>(numberPlaceholders(sql), params)
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }

  async #migrate(): Promise<void> {
    await this.#transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      await client.query(SCHEMA_VERSION_TABLE)
      const { rows } = await this.#query<{ version: number | string }>(SQL.currentVersion, [], client)
      for (const step of pendingMigrations(Number(rows[0]?.version ?? 0))) {
        for (const statement of step.statements) await client.query(statement)
        await this.#query(SQL.recordVersion, [step.version, Date.now()], client)
      }
    })
  }

  async recordUnanswered(record: UnansweredRecord): Promise<void> {
    await this.#query(SQL.insertUnanswered, [guildKey(record.guildId), record.question, record.article, record.at.getTime()])
  }

  async recordVote(record: VoteRecord): Promise<VoteOutcome> {
    return this.#transaction(async (client) => {
      // FOR UPDATE: two clicks of one voter on one answer are decided one after the other.
      const { rows } = await this.#query<{ vote: Vote }>(`${SQL.selectVote} FOR UPDATE`, [record.answerKey, record.voterHash], client)
      await this.#query(SQL.upsertVote, [record.answerKey, record.voterHash, guildKey(record.guildId), record.passageId, record.vote, record.at.getTime()], client)
      const previous = rows[0]
      if (!previous) return 'recorded'
      return previous.vote === record.vote ? 'unchanged' : 'changed'
    })
  }

  async recordCommandUse(record: CommandUseRecord): Promise<void> {
    await this.#query(SQL.insertCommandUse, [guildKey(record.guildId), record.command, record.at.getTime()])
  }

  async unansweredQuestions(window: InsightsWindow): Promise<UnansweredCount[]> {
    const { rows } = await this.#query<UnansweredRow>(SQL.unansweredQuestions, [guildKey(window.guildId), window.since.getTime()])
    return rows.map((row) => ({ question: row.question, article: row.article, count: Number(row.count), lastAt: new Date(Number(row.last_at)) })).sort(unansweredOrder)
  }

  async votesByPassage(window: InsightsWindow): Promise<PassageVotes[]> {
    const { rows } = await this.#query<VotesRow>(SQL.votesByPassage, [guildKey(window.guildId), window.since.getTime()])
    return rows.map((row) => ({ passageId: row.passage_id, up: Number(row.up), down: Number(row.down) })).sort(votesOrder)
  }

  async commandCounts(window: InsightsWindow): Promise<CommandCount[]> {
    const { rows } = await this.#query<CommandRow>(SQL.commandCounts, [guildKey(window.guildId), window.since.getTime()])
    return rows.map((row) => ({ command: row.command, count: Number(row.count) })).sort(commandOrder)
  }

  async purgeOlderThan(before: Date): Promise<number> {
    return this.#transaction(async (client) => {
      let removed = 0
      for (const sql of SQL.purge) removed += (await this.#query(sql, [before.getTime()], client)).rowCount ?? 0
      return removed
    })
  }

  #closed = false
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#pool.end()
  }
}
