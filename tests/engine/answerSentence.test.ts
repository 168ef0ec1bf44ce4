import { describe, expect, it } from 'vitest'
import { parseArticle } from '../../src/corpus/parseArticle.ts'
import { createEngine } from '../../src/engine/engine.ts'

const article = (body: string) => parseArticle(`---\ntitle: "Prisons close"\n---\n\n${body}\n\nAnother paragraph about budgets and buildings.\n`, 'prisons-close')

/** A speaker introduced in one sentence, then quoted in the next. */
const INTRODUCED_THEN_QUOTED =
  'Union Chairman Piotr Halloran announced a two-day stoppage at the port of Kessel. “Our members will not pay for mistakes made in the capital,” Halloran said.'

describe('the answer sentence', () => {
  it('GIVEN a person named in one sentence and "he" in the next THEN a question about what they hope is answered by the "he" sentence', () => {
    const engine = createEngine([article('The head of the prison service, Nils Oberg, announced four closures in November. He hopes that the reforms explain the fall.')], { vectors: null })
    const result = engine.ask('What does Nils Oberg hope?')
    expect(result.answered && result.answer.text).toBe('He hopes that the reforms explain the fall.')
  })

  it('GIVEN no pronoun in the next sentence THEN the sentence naming the person still answers', () => {
    const engine = createEngine([article('The head of the prison service, Nils Oberg, announced four closures in November. Critics hope that the reforms explain the fall.')], { vectors: null })
    const result = engine.ask('What did Nils Oberg announce?')
    expect(result.answered && result.answer.text).toBe('The head of the prison service, Nils Oberg, announced four closures in November.')
  })

  it('GIVEN "what did X say about Y" and a passage that introduces X, then quotes X THEN the quotation answers, not the introduction', () => {
    const engine = createEngine([article(INTRODUCED_THEN_QUOTED)], { vectors: null })
    const result = engine.ask('What did Union Chairman Piotr Halloran say about who should pay?')
    expect(result.answered && result.answer.text).toContain('Our members will not pay')
  })

  it('GIVEN a question that does not ask what was said THEN the sentence naming the person keeps their weight', () => {
    const engine = createEngine([article(INTRODUCED_THEN_QUOTED)], { vectors: null })
    const result = engine.ask('What stoppage did Union Chairman Piotr Halloran announce?')
    expect(result.answered && result.answer.text).toContain('announced a two-day stoppage')
  })

  it('GIVEN an answer sentence that continues a quotation begun in the sentence before THEN the answer starts where the quotation starts', () => {
    const engine = createEngine(
      [article('“Kastell has the balance sheet to come back with a better number. The question is whether it wants to,” said Petra Wendt, an analyst at Marlow Securities.')],
      { vectors: null },
    )
    const result = engine.ask('What does the Marlow Securities analyst think?')
    expect(result.answered && result.answer.text).toBe(
      '“Kastell has the balance sheet to come back with a better number. The question is whether it wants to,” said Petra Wendt, an analyst at Marlow Securities.',
    )
  })
})
