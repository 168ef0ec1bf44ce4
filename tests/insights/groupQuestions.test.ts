import { describe, expect, it } from 'vitest'
import { groupQuestions } from '../../src/insights/groupQuestions.ts'
import { sharedWordVectors } from '../../src/semantics/sharedVectors.ts'
import type { UnansweredCount } from '../../src/storage/storage.ts'

const vectors = sharedWordVectors()
const T = new Date('2026-03-01T12:00:00Z')
const row = (question: string, count = 1, article: string | null = null, minutes = 0): UnansweredCount => ({ question, article, count, lastAt: new Date(T.getTime() + minutes * 60_000) })

/** The wordings that ended up together, each group sorted, for order-free comparison. */
function together(questions: string[]): string[][] {
  return groupQuestions(questions.map((question) => row(question)), vectors).map((group) => group.wordings.map((wording) => wording.question).sort())
}

function grouped(a: string, b: string): boolean {
  return together([a, b]).length === 1
}

describe('groupQuestions', () => {
  it('has the real word vectors to work with', () => {
    expect(vectors).not.toBeNull()
  })

  describe('groups the same question in other words', () => {
    it.each([
      ['Who paid for the new bridge?', 'who is paying for the new bridge'],
      ['When will the stadium open?', 'When does the stadium open'],
      ['How many people died in the flood?', 'how many people were killed in the flood'],
      ['What did Maria Lopez say about the budget?', 'What did Maria Lopez say about the budgets'],
      ['Why were the talks suspended?', 'Why were the negotiations suspended?'],
      ['Who was arrested after the protest?', 'who got detained after the protests'],
      ['Where is the ceasefire being signed?', 'where will the truce be signed'],
      ['What is the defence budget?', 'what is the defense budget'],
      ['Who paid for the bridge', 'who paid for the bridge?'],
    ])('%s ≈ %s', (a, b) => {
      expect(grouped(a, b)).toBe(true)
    })
  })

  describe('keeps near-misses apart', () => {
    it.each([
      ['a different thing', 'Who paid for the new bridge?', 'Who paid for the new tunnel?'],
      ['a different topic', 'What did Maria Lopez say about the budget?', 'What did Maria Lopez say about the strike?'],
      ['a different person', 'What did Maria Lopez say about the budget?', 'What did John Smith say about the budget?'],
      ['a different place', 'What did the minister say about India?', 'What did the minister say about China?'],
      ['a different question about the same words', 'When will the stadium open?', 'Where will the stadium open?'],
      ['a different event', 'How many people died in the flood?', 'How many people died in the fire?'],
      ['half the question', 'Who paid for the bridge and the new road to the airport?', 'Who paid for the bridge?'],
      ['nothing to go on', 'hello', 'thanks'],
    ])('%s: %s ≠ %s', (_why, a, b) => {
      expect(grouped(a, b)).toBe(false)
    })
  })

  it('adds up the counts, names the group by its most-asked wording and lists every article asked about', () => {
    const groups = groupQuestions(
      [row('when does the stadium open', 2, 'arena', 5), row('When will the stadium open?', 3, null, 1), row('Who paid for the new bridge?', 4, null, 2), row('when is the stadium opening', 1, 'arena', 9)],
      vectors,
    )
    expect(groups).toEqual([
      {
        question: 'When will the stadium open?',
        count: 6,
        wordings: [
          { question: 'When will the stadium open?', count: 3 },
          { question: 'when does the stadium open', count: 2 },
          { question: 'when is the stadium opening', count: 1 },
        ],
        articles: [null, 'arena'],
        lastAt: new Date(T.getTime() + 9 * 60_000),
      },
      { question: 'Who paid for the new bridge?', count: 4, wordings: [{ question: 'Who paid for the new bridge?', count: 4 }], articles: [null], lastAt: new Date(T.getTime() + 2 * 60_000) },
    ])
  })

  it('without vectors still groups by shared terms, and no longer by meaning', () => {
    expect(groupQuestions([row('When will the stadium open?'), row('when is the stadium opening')], null)).toHaveLength(1)
    expect(groupQuestions([row('Why were the talks suspended?'), row('Why were the negotiations suspended?')], null)).toHaveLength(2)
  })

  it('groups only the most-asked wordings past the cap, and lists the rest as asked', () => {
    const rows = [row('When will the stadium open?', 3), row('when is the stadium opening', 2), row('When does the stadium open', 1)]
    expect(groupQuestions(rows, vectors, { maxGrouped: 2 }).map((group) => [group.question, group.count])).toEqual([
      ['When will the stadium open?', 5],
      ['When does the stadium open', 1],
    ])
  })

  it('is empty for no questions', () => {
    expect(groupQuestions([], vectors)).toEqual([])
  })
})
