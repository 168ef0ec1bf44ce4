import { analyseQuestion } from '../engine/question.ts'
import type { QuestionType } from '../engine/types.ts'
import { foldText } from '../search/terms.ts'
import type { UnansweredCount } from '../storage/storage.ts'

/** What grouping needs of word vectors (WordVectors has both); null answers by shared terms alone. */
export interface MeaningSource {
  similarity(a: string, b: string): number | undefined
  rank(word: string): number | undefined
}

/** The same question asked in other words: one line of /insights. */
export interface QuestionGroup {
  /** The most-asked wording (the most recent one on a tie). */
  question: string
  /** All asks of every wording in the group. */
  count: number
  /** Every wording with its own count, most asked first. */
  wordings: Array<{ question: string; count: number }>
  /** The articles picked when asking (null: the whole scope), without repeats. */
  articles: Array<string | null>
  lastAt: Date
}

export interface GroupingOptions {
  /** Both questions must have at least this share of their content weight found in the other. */
  minCoverage?: number
  /** Two different words count as one when their vectors are at least this close; only words that are not names. */
  minSimilarity?: number
  /** Only this many most-asked wordings are grouped (the handler must stay quick); the rest are listed as asked. */
  maxGrouped?: number
}

export const MAX_GROUPED = 1000

interface Word {
  term: string
  /** The word as written, lower case: what the vectors are looked up by. */
  surface: string
  /** Written with a capital inside the question: a name, matched only exactly. */
  name: boolean
  weight: number
}

interface Profile {
  type: QuestionType
  words: Word[]
  folded: string
}

/** Words the vectors do not know are rarer than any they do: weigh them as the rarest. */
const UNKNOWN_RANK = 100_000

function profileOf(question: string, meaning: MeaningSource | null): Profile {
  const analysed = analyseQuestion(question)
  const words = analysed.terms.map((term) => {
    const surface = foldText(term.word)
    // Rarer words say more about what was asked: "bridge" outweighs "new".
    const rank = meaning?.rank(surface) ?? UNKNOWN_RANK
    return { term: term.term, surface, name: term.capitalised, weight: Math.log2(1 + rank) }
  })
  return { type: analysed.type, words, folded: foldText(analysed.readAs).replace(/[^\p{L}\p{N}]+/gu, ' ').trim() }
}

/** Cosines of word pairs, each computed once per grouping. */
type Similarity = (a: string, b: string) => number

function cachedSimilarity(meaning: MeaningSource | null): Similarity {
  const cache = new Map<number, number>()
  const ids = new Map<string, number>()
  const idOf = (word: string) => {
    let id = ids.get(word)
    if (id === undefined) ids.set(word, (id = ids.size))
    return id
  }
  return (a, b) => {
    if (!meaning) return 0
    const x = idOf(a)
    const y = idOf(b)
    const key = Math.min(x, y) * 2 ** 26 + Math.max(x, y)
    let value = cache.get(key)
    if (value === undefined) {
      value = meaning.similarity(a, b) ?? 0
      cache.set(key, value)
    }
    return value
  }
}

/** How much of `from`'s content weight `to` covers: exact terms fully, close non-name words by their closeness. */
function coverage(from: Profile, to: Profile, similarity: Similarity, minSimilarity: number): number {
  let covered = 0
  let total = 0
  for (const word of from.words) {
    total += word.weight
    let best = 0
    for (const other of to.words) {
      if (other.term === word.term) {
        best = 1
        break
      }
      if (word.name || other.name) continue
      const closeness = similarity(word.surface, other.surface)
      if (closeness >= minSimilarity && closeness > best) best = closeness
    }
    covered += word.weight * best
  }
  return total === 0 ? 0 : covered / total
}

function sameQuestion(a: Profile, b: Profile, similarity: Similarity, options: Required<GroupingOptions>): boolean {
  if (a.folded === b.folded) return true
  // "Who paid…" and "When was … paid": the same words, a different question.
  if (a.type !== b.type) return false
  if (a.words.length === 0 || b.words.length === 0) return false
  return Math.min(coverage(a, b, similarity, options.minSimilarity), coverage(b, a, similarity, options.minSimilarity)) >= options.minCoverage
}

/**
 * Groups unanswered questions that ask the same thing in other words, for
 * /insights. Two questions are the same when they are of the same type (who,
 * when, how many…) and each one's content words, weighed by rarity, are
 * nearly all found in the other: the same term (the project's pipeline joins
 * inflections and spellings), or, for words that are not names, a word whose
 * vector is very close ("talks" / "negotiations"). Names are matched only
 * exactly: "India" is never "China". Most-asked questions found the groups,
 * so each group is named by its commonest wording; a paraphrase must share at
 * least one term with its group's first question. Pure: the vectors come in.
 */
export function groupQuestions(rows: readonly UnansweredCount[], meaning: MeaningSource | null, options: GroupingOptions = {}): QuestionGroup[] {
  const settings: Required<GroupingOptions> = { minCoverage: options.minCoverage ?? 0.75, minSimilarity: options.minSimilarity ?? 0.8, maxGrouped: options.maxGrouped ?? MAX_GROUPED }
  const sorted = [...rows].sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime())
  const ordered = sorted.slice(0, settings.maxGrouped)
  const ungrouped = sorted.slice(settings.maxGrouped).map((row): QuestionGroup => ({ question: row.question, count: row.count, wordings: [{ question: row.question, count: row.count }], articles: [row.article], lastAt: row.lastAt }))
  const groups: Array<{ head: Profile; group: QuestionGroup }> = []
  const profiles = new Map<string, Profile>()
  const similarity = cachedSimilarity(meaning)
  // Groups by the terms and the text of their first question: a paraphrase shares at least one
  // word with what it rephrases, so only those groups are compared (thousands of questions stay fast).
  const groupsByKey = new Map<string, number[]>()
  const keysOf = (profile: Profile) => [`text:${profile.folded}`, ...profile.words.map((word) => `term:${word.term}`)]
  for (const row of ordered) {
    const profile = profiles.get(row.question) ?? profileOf(row.question, meaning)
    profiles.set(row.question, profile)
    const candidates = [...new Set(keysOf(profile).flatMap((key) => groupsByKey.get(key) ?? []))].sort((a, b) => a - b)
    const found = candidates.find((index) => sameQuestion((groups[index] as { head: Profile }).head, profile, similarity, settings))
    const home = found === undefined ? undefined : groups[found]
    if (!home) {
      for (const key of keysOf(profile)) {
        const list = groupsByKey.get(key)
        if (list) list.push(groups.length)
        else groupsByKey.set(key, [groups.length])
      }
      groups.push({ head: profile, group: { question: row.question, count: row.count, wordings: [{ question: row.question, count: row.count }], articles: [row.article], lastAt: row.lastAt } })
      continue
    }
    const { group } = home
    group.count += row.count
    const wording = group.wordings.find((entry) => entry.question === row.question)
    if (wording) wording.count += row.count
    else group.wordings.push({ question: row.question, count: row.count })
    if (!group.articles.includes(row.article)) group.articles.push(row.article)
    if (row.lastAt > group.lastAt) group.lastAt = row.lastAt
  }
  return [...groups.map(({ group }) => group), ...ungrouped].sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime())
}
