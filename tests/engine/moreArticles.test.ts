import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { evalSetSchema } from '../../src/evaluation/evalSet.ts'
import { termsOf } from '../../src/search/terms.ts'
import { mainEngine, MAIN_SLUG, twoArticleEngine } from './support.ts'

/**
 * More articles must not hurt: with a second article loaded, a question the
 * article alone abstains on still abstains, and one it answers is still
 * answered from the same article. Questions: the project's own held-out sets.
 */
const FIXTURES = new URL('../fixtures/eval/', import.meta.url)
const sets = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.json'))
  .map((name) => evalSetSchema.parse(JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'))))
const unanswerable = sets.flatMap((set) => set.unanswerable)

/**
 * A question is about the article when it uses a word the article has and the
 * second one lacks ("Who won the election?" is about neither: the second
 * article may well answer it, and should).
 */
function aboutTheArticleOnly(question: string): boolean {
  const engine = twoArticleEngine()
  const inArticle = (slug: string, term: string) => engine.index.articleTerms.get(slug)?.has(term) ?? false
  const other = [...engine.index.articleTerms.keys()].find((slug) => slug !== MAIN_SLUG) as string
  return termsOf(question).some((term) => inArticle(MAIN_SLUG, term) && !inArticle(other, term))
}
const answerable = sets.flatMap((set) => set.answerable.map(({ q }) => q))

describe('more articles must not hurt', () => {
  it('GIVEN the held-out sets THEN there are questions of both kinds to check', () => {
    expect(unanswerable.length).toBeGreaterThan(10)
    expect(answerable.length).toBeGreaterThan(30)
  })

  it.each(unanswerable.filter((question) => aboutTheArticleOnly(question) && !mainEngine().ask(question).answered))('GIVEN %j, about the article and abstained on alone, THEN it is abstained on with two articles', (question) => {
    expect(twoArticleEngine().ask(question).answered).toBe(false)
  })

  it.each(answerable.filter((question) => mainEngine().ask(question).answered))('GIVEN %j, answered alone, THEN two articles answer it from the same article', (question) => {
    const result = twoArticleEngine().ask(question)
    expect(result.answered).toBe(true)
    if (result.answered) expect(result.passages[0]?.passage.articleSlug).toBe(MAIN_SLUG)
  })
})
