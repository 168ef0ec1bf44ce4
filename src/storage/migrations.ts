/**
 * The database schema as numbered steps, shared by the SQLite and PostgreSQL
 * adapters: the SQL below is the subset both accept (TEXT, BIGINT, CHECK,
 * composite primary keys, plain indexes). A step is never edited once
 * released; a change is a new step. `schema_version` holds the steps applied.
 *
 * Times are milliseconds since the epoch (BIGINT), so both databases compare
 * and purge them the same way. `guild_id` is '' outside any guild (DMs, user
 * installs): a NOT NULL key keeps "this guild" one equality in both dialects.
 */
export interface Migration {
  version: number
  description: string
  statements: readonly string[]
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'unanswered questions, votes, command uses',
    statements: [
      `CREATE TABLE unanswered (
        guild_id TEXT NOT NULL,
        question TEXT NOT NULL,
        article TEXT,
        at BIGINT NOT NULL
      )`,
      'CREATE INDEX unanswered_guild_at ON unanswered (guild_id, at)',
      // One row per voter per answer: the primary key is the "one vote" rule.
      `CREATE TABLE votes (
        answer_key TEXT NOT NULL,
        voter_hash TEXT NOT NULL,
        guild_id TEXT NOT NULL,
        passage_id TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        at BIGINT NOT NULL,
        PRIMARY KEY (answer_key, voter_hash)
      )`,
      'CREATE INDEX votes_guild_at ON votes (guild_id, at)',
      `CREATE TABLE command_uses (
        guild_id TEXT NOT NULL,
        command TEXT NOT NULL,
        at BIGINT NOT NULL
      )`,
      'CREATE INDEX command_uses_guild_at ON command_uses (guild_id, at)',
    ],
  },
]

export const SCHEMA_VERSION_TABLE = 'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)'

/** The newest version this code knows; a database ahead of it was written by newer code. */
export const LATEST_VERSION = MIGRATIONS.reduce((latest, step) => Math.max(latest, step.version), 0)

/** The steps still to apply to a database at `current`, in order. */
export function pendingMigrations(current: number): Migration[] {
  if (current > LATEST_VERSION) throw new Error(`the database is at schema version ${current}, newer than this code's ${LATEST_VERSION}`)
  return MIGRATIONS.filter((step) => step.version > current).sort((a, b) => a.version - b.version)
}
