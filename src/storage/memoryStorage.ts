import type {
  CommandCount,
  CommandUseRecord,
  InsightsWindow,
  PassageVotes,
  Storage,
  UnansweredCount,
  UnansweredRecord,
  VoteOutcome,
  VoteRecord,
} from './storage.ts'
import { commandOrder, unansweredOrder, votesOrder } from './ordering.ts'

/** The storage port kept in memory: for tests, and the shape every adapter must match. */
export class MemoryStorage implements Storage {
  readonly kind = 'memory'
  private unanswered: UnansweredRecord[] = []
  private votes = new Map<string, VoteRecord>()
  private uses: CommandUseRecord[] = []

  async recordUnanswered(record: UnansweredRecord): Promise<void> {
    this.unanswered.push({ ...record })
  }

  async recordVote(record: VoteRecord): Promise<VoteOutcome> {
    const key = `${record.answerKey}\u0000${record.voterHash}`
    const previous = this.votes.get(key)
    this.votes.set(key, { ...record })
    if (!previous) return 'recorded'
    return previous.vote === record.vote ? 'unchanged' : 'changed'
  }

  async recordCommandUse(record: CommandUseRecord): Promise<void> {
    this.uses.push({ ...record })
  }

  async unansweredQuestions(window: InsightsWindow): Promise<UnansweredCount[]> {
    const groups = new Map<string, UnansweredCount>()
    for (const row of this.unanswered.filter((row) => inWindow(row, window))) {
      const key = `${row.question}\u0000${row.article ?? ''}`
      const group = groups.get(key) ?? { question: row.question, article: row.article, count: 0, lastAt: row.at }
      group.count++
      if (row.at > group.lastAt) group.lastAt = row.at
      groups.set(key, group)
    }
    return [...groups.values()].sort(unansweredOrder)
  }

  async votesByPassage(window: InsightsWindow): Promise<PassageVotes[]> {
    const tallies = new Map<string, PassageVotes>()
    for (const vote of [...this.votes.values()].filter((row) => inWindow(row, window))) {
      const tally = tallies.get(vote.passageId) ?? { passageId: vote.passageId, up: 0, down: 0 }
      tally[vote.vote]++
      tallies.set(vote.passageId, tally)
    }
    return [...tallies.values()].sort(votesOrder)
  }

  async commandCounts(window: InsightsWindow): Promise<CommandCount[]> {
    const counts = new Map<string, number>()
    for (const use of this.uses.filter((row) => inWindow(row, window))) counts.set(use.command, (counts.get(use.command) ?? 0) + 1)
    return [...counts].map(([command, count]) => ({ command, count })).sort(commandOrder)
  }

  async purgeOlderThan(before: Date): Promise<number> {
    const sizeBefore = this.unanswered.length + this.votes.size + this.uses.length
    this.unanswered = this.unanswered.filter((row) => row.at >= before)
    this.uses = this.uses.filter((row) => row.at >= before)
    for (const [key, vote] of this.votes) if (vote.at < before) this.votes.delete(key)
    return sizeBefore - (this.unanswered.length + this.votes.size + this.uses.length)
  }

  async close(): Promise<void> {}
}

function inWindow(row: { guildId: string | null; at: Date }, window: InsightsWindow): boolean {
  return row.guildId === window.guildId && row.at >= window.since
}
