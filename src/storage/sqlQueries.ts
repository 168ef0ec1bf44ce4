/**
 * The statements both SQL adapters run, written once with `?` placeholders
 * (PostgreSQL's adapter numbers them). Grouping happens in SQL; the final
 * order is applied in code (see ordering.ts).
 */
export const SQL = {
  insertUnanswered: 'INSERT INTO unanswered (guild_id, question, article, at) VALUES (?, ?, ?, ?)',
  selectVote: 'SELECT vote FROM votes WHERE answer_key = ? AND voter_hash = ?',
  upsertVote: `INSERT INTO votes (answer_key, voter_hash, guild_id, passage_id, vote, at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (answer_key, voter_hash) DO UPDATE SET guild_id = excluded.guild_id, passage_id = excluded.passage_id, vote = excluded.vote, at = excluded.at`,
  insertCommandUse: 'INSERT INTO command_uses (guild_id, command, at) VALUES (?, ?, ?)',
  unansweredQuestions: `SELECT question, article, COUNT(*) AS count, MAX(at) AS last_at FROM unanswered
    WHERE guild_id = ? AND at >= ? GROUP BY question, article`,
  votesByPassage: `SELECT passage_id, SUM(CASE WHEN vote = 'up' THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END) AS down
    FROM votes WHERE guild_id = ? AND at >= ? GROUP BY passage_id`,
  commandCounts: 'SELECT command, COUNT(*) AS count FROM command_uses WHERE guild_id = ? AND at >= ? GROUP BY command',
  purge: ['DELETE FROM unanswered WHERE at < ?', 'DELETE FROM votes WHERE at < ?', 'DELETE FROM command_uses WHERE at < ?'],
  currentVersion: 'SELECT COALESCE(MAX(version), 0) AS version FROM schema_version',
  recordVersion: 'INSERT INTO schema_version (version, applied_at) VALUES (?, ?)',
} as const

/** Rows as the drivers return them: PostgreSQL gives COUNT, SUM and BIGINT as strings. */
export interface UnansweredRow {
  question: string
  article: string | null
  count: number | string
  last_at: number | string
}

export interface VotesRow {
  passage_id: string
  up: number | string
  down: number | string
}

export interface CommandRow {
  command: string
  count: number | string
}
