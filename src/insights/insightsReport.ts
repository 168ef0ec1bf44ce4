import type { Passage } from '../passages/types.ts'
import type { CommandCount, Storage } from '../storage/storage.ts'
import { groupQuestions, type MeaningSource, type QuestionGroup } from './groupQuestions.ts'

export const INSIGHTS_PERIODS = [7, 30] as const
export type InsightsPeriod = (typeof INSIGHTS_PERIODS)[number]

/** An answer people voted down, with where its passage stands in the article (null when the article is gone). */
export interface DownvotedAnswer {
  passageId: string
  up: number
  down: number
  passage: Passage | null
}

/** Everything /insights shows for one guild and period, as plain data (text and CSV are views of it). */
export interface InsightsReport {
  guildId: string
  days: InsightsPeriod
  since: Date
  until: Date
  unanswered: QuestionGroup[]
  downvoted: DownvotedAnswer[]
  commands: CommandCount[]
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Reads one guild's rows for the period and groups its unanswered questions by meaning. */
export async function buildInsightsReport(
  storage: Storage,
  { guildId, days, now, passage, meaning }: { guildId: string; days: InsightsPeriod; now: Date; passage: (id: string) => Passage | undefined; meaning: MeaningSource | null },
): Promise<InsightsReport> {
  const window = { guildId, since: new Date(now.getTime() - days * DAY_MS) }
  const [unanswered, votes, commands] = await Promise.all([storage.unansweredQuestions(window), storage.votesByPassage(window), storage.commandCounts(window)])
  return {
    guildId,
    days,
    since: window.since,
    until: now,
    unanswered: groupQuestions(unanswered, meaning),
    // Only answers someone voted down: a list of 👍 is not a list of problems.
    downvoted: votes.filter((tally) => tally.down > 0).map((tally) => ({ ...tally, passage: passage(tally.passageId) ?? null })),
    commands,
  }
}
