/**
 * Related forms in questions (src/search/relatedForms.ts, WordNet's pertainyms
 * through src/semantics/relatedForms.ts): "Swedish" is met by "Sweden", which
 * neither the stemmer nor a typo's fix gives, and a common word the corpus
 * lacks by the form it uses ("economic" by "economy").
 */
import { describe, expect, it } from 'vitest'
import { retrieve } from '../../src/engine/ask.ts'
import { createEngine } from '../../src/engine/engine.ts'
import { analyseQuestion } from '../../src/engine/question.ts'
import { RelatedForms } from '../../src/search/relatedForms.ts'
import { termOf } from '../../src/search/terms.ts'
import { inlineArticle } from './support.ts'

const relatedForms = new RelatedForms([
  ['swedish', 'sweden'],
  ['economic', 'economy'],
  ['official', 'office'],
])

describe('RelatedForms', () => {
  it('links the index terms both ways', () => {
    expect(relatedForms.of('swedish')).toEqual(['sweden'])
    expect(relatedForms.of('sweden')).toEqual(['swedish'])
    expect(relatedForms.of(termOf('economic') as string)).toEqual([termOf('economy')])
  })

  it('knows nothing of a word without a related form, or of a pair whose terms are the same', () => {
    expect(relatedForms.of('prison')).toEqual([])
    expect(new RelatedForms([['runs', 'run']]).size).toBe(0)
  })
})

describe('ask with related forms', () => {
  const article = inlineArticle(
    [
      'Prisons in Sweden run education programmes for every inmate, the probation officers’ Union said.',
      'The Norway ministry said the harbour would reopen in May.',
      'The economy grew by 2% last year, the central bank said.',
      'The official count ended at midnight, the office of the mayor said.',
    ].join('\n\n'),
  )
  const withForms = createEngine([article], { vectors: null, dictionary: null, relatedForms })
  const without = createEngine([article], { vectors: null, dictionary: null, relatedForms: null })
  const top = (engine: typeof withForms, question: string) => {
    const result = engine.ask(question)
    return result.answered ? result.answer.text : `abstained (${result.reason})`
  }

  it('GIVEN a country’s adjective the article never writes THEN the passage naming the country answers', () => {
    expect(top(withForms, 'What programmes do Swedish prisons run?')).toContain('Sweden')
  })

  it('GIVEN the same question without the table THEN it abstains: the name is not in the article', () => {
    expect(top(without, 'What programmes do Swedish prisons run?')).toMatch(/^abstained/)
  })

  it('GIVEN one word of a name written as several ("Swedish Union") THEN it keeps its form: the article names no such body', () => {
    expect(top(withForms, 'What did the Norway ministry say?')).toContain('harbour')
    expect(top(withForms, 'What did the Swedish Union say about programmes?')).toMatch(/^abstained/)
  })

  it('GIVEN a common word the corpus lacks THEN its related form stands for it', () => {
    expect(top(withForms, 'How much economic growth was there last year?')).toContain('economy grew')
  })

  it('GIVEN a common word the corpus has THEN it keeps to itself: "official" is not also "office"', () => {
    const matchesOf = (question: string) => {
      const { profile } = retrieve(withForms.index, analyseQuestion(question, withForms.normalise), {}, {}, withForms.isName)
      return profile.terms.map((term) => [...term.matches.keys()])
    }
    expect(matchesOf('What did the official count show?')).toContainEqual([termOf('official')])
    expect(matchesOf('What do Swedish prisons run?')).toContainEqual([termOf('sweden')])
  })
})
