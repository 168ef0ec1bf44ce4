/**
 * Phrasal verbs in questions (src/search/phrasalVerbs.ts, WordNet's meanings
 * through src/semantics/phrasalVerbs.ts): "thrown out" is met by "discarded",
 * which word vectors do not give, and only when the particle follows the verb.
 */
import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/engine.ts'
import { PhrasalVerbs } from '../../src/search/phrasalVerbs.ts'
import { inlineArticle } from './support.ts'

const phrasalVerbs = new PhrasalVerbs([
  ['throw out', ['discard', 'expel']],
  ['step down', ['resign', 'quit']],
])

describe('PhrasalVerbs', () => {
  it('looks a phrasal verb up by its verb’s index term, so that every form of the verb finds it', () => {
    expect(phrasalVerbs.meanings('throw', 'out')).toEqual(['discard', 'expel'])
    expect(phrasalVerbs.meanings('step', 'DOWN')).toEqual(['resign', 'quit'])
  })

  it('knows nothing of another particle, or a verb alone', () => {
    expect(phrasalVerbs.meanings('throw', 'up')).toEqual([])
    expect(phrasalVerbs.meanings('step', '')).toEqual([])
    expect(new PhrasalVerbs([]).size).toBe(0)
  })
})

describe('ask with phrasal verbs', () => {
  const article = inlineArticle(
    [
      'The commission said 1,100 postal ballots had been discarded because the signatures did not match.',
      'The harbour council said the new ferry timetable would start in May.',
      'The mayor said she would not resign before the court ruled.',
    ].join('\n\n'),
  )
  const withPhrasal = createEngine([article], { vectors: null, dictionary: null, phrasalVerbs })
  const without = createEngine([article], { vectors: null, dictionary: null, phrasalVerbs: null })
  const top = (engine: typeof withPhrasal, question: string) => {
    const result = engine.ask(question)
    return result.answered ? result.answer.text : `abstained (${result.reason})`
  }

  it.each([
    ['why were the ballots thrown out', 'discarded'],
    ['why were the ballots throwing out', 'discarded'],
    ['who will step down', 'resign'],
  ])('GIVEN "%s" THEN the passage with the one-word verb it means answers', (question, word) => {
    expect(top(withPhrasal, question)).toContain(word)
  })

  it('GIVEN the same question without the table THEN that passage is not found by the phrasal verb', () => {
    expect(top(without, 'who will step down')).not.toContain('resign')
  })

  it('GIVEN the verb without its particle THEN it stands only for itself', () => {
    expect(top(withPhrasal, 'who will step in')).not.toContain('resign')
  })
})
