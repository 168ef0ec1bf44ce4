import { describe, expect, it } from 'vitest'
import { loadWordVectorsIfCached } from '../../src/semantics/wordVectors.ts'

/**
 * The real GloVe vectors, through the cache `npm run vectors` (or the bot's
 * first start) builds. Skipped, by name, when that cache is not built: the
 * tests never read the 300 MB source.
 */
const vectors = loadWordVectorsIfCached()

describe.skipIf(!vectors)(`real word vectors (${vectors ? `${vectors.size} words` : 'SKIPPED: no fresh cache, run npm run vectors'})`, () => {
  const real = vectors as NonNullable<typeof vectors>

  it('folds spelling variants and relates paraphrases, not unrelated words', () => {
    expect(real.similarity('defence', 'defense') as number).toBeGreaterThan(0.6)
    expect(real.similarity('strike', 'walkout') as number).toBeGreaterThan(real.similarity('strike', 'banana') as number)
    expect(real.rank('the')).toBe(1)
    expect(real.rank('government') as number).toBeLessThan(real.rank('parliamentarian') ?? Infinity)
  })

  it('finds negotiations among the neighbours of talks', () => {
    const found = real.mostSimilar('talks', real.prepareVocabulary(['negotiations', 'banana', 'keyboard', 'discussions']), 0.6)
    expect(found.map((neighbour) => neighbour.word)).toEqual(['negotiations', 'discussions'])
  })
})

describe.skipIf(!vectors)('soft matches within one article', () => {
  const real = vectors as NonNullable<typeof vectors>

  it('finds an article its own nearest word even when other articles hold nearer ones', async () => {
    const { SoftMatcher } = await import('../../src/search/softMatcher.ts')
    // One article speaks of "profits" (cosine 0.63 to "money"); others of nearer words that fill the corpus-wide places.
    const matcher = new SoftMatcher(real, ['traders lost profits', 'cash funds', 'pay paid payments'], { limit: 3 })
    const wide = matcher.matches('money').map((match) => match.term)
    const own = matcher.matchesWithin('money', new Set(['trader', 'lost', 'profit'])).map((match) => match.term)
    expect(wide).not.toContain('profit')
    expect(own).toEqual(['profit'])
  })
})

describe.skipIf(!vectors)('opposites', () => {
  const real = vectors as NonNullable<typeof vectors>

  it('an opposite the vectors put near is no stand-in, unless the question is answered yes or no', async () => {
    const { SoftMatcher, antonymKeys } = await import('../../src/search/softMatcher.ts')
    const texts = ['prices decreased sharply', 'sales grew']
    const plain = new SoftMatcher(real, texts)
    expect(plain.matches('increased').map((match) => match.term)).toContain('decreas')
    const matcher = new SoftMatcher(real, texts, { antonyms: antonymKeys([['increase', 'decrease']]) })
    expect(matcher.matches('increased').map((match) => match.term)).not.toContain('decreas')
    expect(matcher.matches('increased', true).map((match) => match.term)).toContain('decreas')
    expect(matcher.matchesWithin('increased', new Set(['decreas']))).toEqual([])
  })
})
