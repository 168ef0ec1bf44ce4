import type { CommandCount, PassageVotes, UnansweredCount } from './storage.ts'

/**
 * The orders every adapter returns, applied in code rather than SQL so that
 * ties come out the same whatever the database's collation.
 */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function unansweredOrder(a: UnansweredCount, b: UnansweredCount): number {
  return b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime() || byText(a.question, b.question) || byText(a.article ?? '', b.article ?? '')
}

export function votesOrder(a: PassageVotes, b: PassageVotes): number {
  return b.down - a.down || a.up - b.up || byText(a.passageId, b.passageId)
}

export function commandOrder(a: CommandCount, b: CommandCount): number {
  return b.count - a.count || byText(a.command, b.command)
}

/** The stored key for "which guild": '' outside any guild. */
export function guildKey(guildId: string | null): string {
  return guildId ?? ''
}
