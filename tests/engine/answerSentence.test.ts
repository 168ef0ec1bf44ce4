import { describe, expect, it } from 'vitest'
import { parseArticle } from '../../src/corpus/parseArticle.ts'
import { createEngine } from '../../src/engine/engine.ts'

const article = (body: string) => parseArticle(`---\ntitle: "Prisons close"\n---\n\n${body}\n\nAnother paragraph about budgets and buildings.\n`, 'prisons-close')

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
})
