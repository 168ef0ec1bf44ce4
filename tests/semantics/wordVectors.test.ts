import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { floatCosine, quantiseInto } from '../../src/semantics/quantise.ts'
import { ensureWordVectors, type WordVectors } from '../../src/semantics/wordVectors.ts'
import { seededRandom } from '../support/random.ts'
import { DIMENSIONS, fixtureVectors, fixtureWorkspace, TOPICS } from './fixtureEmbeddings.ts'

let vectors: WordVectors
let workspace: ReturnType<typeof fixtureWorkspace>
beforeAll(async () => {
  workspace = fixtureWorkspace()
  vectors = await ensureWordVectors({ sourceDir: workspace.sourceDir, cacheDir: workspace.cacheDir })
})
afterAll(() => workspace.remove())

/** The cosine of the fixture's float vectors, as written to the JSON (6 decimals). */
const floats = fixtureVectors()
const reference = (a: string, b: string) =>
  floatCosine((floats.get(a) as number[]).map((v) => Number(v.toFixed(6))), (floats.get(b) as number[]).map((v) => Number(v.toFixed(6))), DIMENSIONS)

describe('int8 quantisation', () => {
  it('keeps every fixture cosine within 0.01 of the float cosine', () => {
    let compared = 0
    for (const a of vectors.words) {
      for (const b of vectors.words) {
        expect(Math.abs((vectors.similarity(a, b) as number) - reference(a, b)), `${a} ~ ${b}`).toBeLessThan(0.01)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(400)
  })

  it('keeps random 100-d cosines within 0.02 (GloVe-like: Gaussian components)', () => {
    const random = seededRandom(11)
    const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
    let worst = 0
    for (let trial = 0; trial < 300; trial++) {
      const a = Array.from({ length: 100 }, gaussian)
      // Pairs from unrelated to near-identical, so high cosines are covered too.
      const mix = random()
      const b = a.map((value) => mix * value + (1 - mix) * gaussian())
      const qa = new Int8Array(100)
      const qb = new Int8Array(100)
      const inverseA = quantiseInto(a, 100, qa, 0)
      const inverseB = quantiseInto(b, 100, qb, 0)
      let dot = 0
      for (let index = 0; index < 100; index++) dot += (qa[index] as number) * (qb[index] as number)
      worst = Math.max(worst, Math.abs(dot * inverseA * inverseB - floatCosine(a, b, 100)))
    }
    expect(worst).toBeLessThan(0.02)
  })

  it('gives an all-zero vector no direction (0), so the build drops it', () => {
    expect(quantiseInto([0, 0, 0], 3, new Int8Array(3), 0)).toBe(0)
  })
})

describe('WordVectors', () => {
  it('knows its words, case-insensitively, with a frequency rank', () => {
    expect(vectors.dimensions).toBe(DIMENSIONS)
    expect(vectors.size).toBe(vectors.words.length)
    expect(vectors.has('Cabinet')).toBe(true)
    expect(vectors.has('zeroed')).toBe(false)
    expect(vectors.has('giraffe')).toBe(false)
    expect(vectors.rank('minister')).toBeLessThan(vectors.rank('ministry') as number)
    expect(vectors.vector('cat')).toHaveLength(DIMENSIONS)
    expect(vectors.vector('giraffe')).toBeUndefined()
  })

  it('scores words of one topic above words of different topics', () => {
    expect(vectors.similarity('strike', 'walkout') as number).toBeGreaterThan(0.6)
    expect(vectors.similarity('strike', 'banana') as number).toBeLessThan(0.3)
    expect(vectors.similarity('defence', 'defense') as number).toBeGreaterThan(0.95)
    expect(vectors.similarity('cat', 'CAT')).toBe(1)
    expect(vectors.similarity('cat', 'giraffe')).toBeUndefined()
  })

  it('finds the same-topic words as nearest neighbours, best first, above the threshold', () => {
    const candidates = vectors.words.filter((word) => word !== 'strike')
    const found = vectors.mostSimilar('strike', candidates, 0.6, 10)
    expect(found.map((neighbour) => neighbour.word).sort()).toEqual(TOPICS.labour?.filter((word) => word !== 'strike').sort())
    const scores = found.map((neighbour) => neighbour.similarity)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    for (const neighbour of found) expect(neighbour.similarity).toBeCloseTo(vectors.similarity('strike', neighbour.word) as number, 6)
  })

  it('gives the same answer from a prepared matrix, and lists the words it has no vector for', () => {
    const corpus = ['kitten', 'puppy', 'banana', 'giraffe', 'Dog', 'kitten', 'parliament']
    const matrix = vectors.prepareVocabulary(corpus)
    expect(matrix.words).toEqual(['kitten', 'puppy', 'banana', 'Dog', 'parliament'])
    expect(matrix.unknown).toEqual(['giraffe'])
    expect(matrix.kernelName).toBe('simd')
    expect(vectors.mostSimilar('cat', matrix)).toEqual(vectors.mostSimilar('cat', corpus))
    const plain = vectors.prepareVocabulary(corpus, { simd: false })
    expect(plain.kernelName).toBe('js')
    for (const word of vectors.words) expect(vectors.mostSimilar(word, plain, -1, 100)).toEqual(vectors.mostSimilar(word, matrix, -1, 100))
    expect(vectors.mostSimilar('cat', matrix).map((neighbour) => neighbour.word).sort()).toEqual(['Dog', 'kitten', 'puppy'])
  })

  it('keeps the best `limit` in order: the head of the full ranking, at every limit and threshold', () => {
    const matrix = vectors.prepareVocabulary(vectors.words)
    for (const word of vectors.words) {
      const full = vectors.mostSimilar(word, matrix, -1, vectors.size)
      expect(full.map((neighbour) => neighbour.word).sort()).toEqual([...vectors.words].sort())
      for (let index = 1; index < full.length; index++) {
        const [previous, current] = [full[index - 1], full[index]] as [{ similarity: number; word: string }, { similarity: number; word: string }]
        expect(previous.similarity > current.similarity || (previous.similarity === current.similarity && previous.word < current.word)).toBe(true)
        expect(current.similarity).toBeCloseTo(vectors.similarity(word, current.word) as number, 6)
      }
      for (const limit of [1, 2, 5, 13]) {
        for (const min of [-1, 0, 0.5, 0.9]) {
          expect(vectors.mostSimilar(word, matrix, min, limit)).toEqual(full.filter((neighbour) => neighbour.similarity >= min).slice(0, limit))
        }
      }
    }
  })

  it('includes the word itself at 1, keeps to the limit and the threshold, and knows nothing of unknown words', () => {
    const matrix = vectors.prepareVocabulary(vectors.words)
    const [first, ...rest] = vectors.mostSimilar('apple', matrix, 0.6, 3)
    expect(first?.word).toBe('apple')
    expect(first?.similarity).toBeCloseTo(1, 6)
    expect(rest).toHaveLength(2)
    expect(vectors.mostSimilar('apple', matrix, 0.99, 10)).toEqual([first])
    expect(vectors.mostSimilar('apple', matrix, -1, 100)).toHaveLength(vectors.size)
    expect(vectors.mostSimilar('apple', matrix, 0.6, 0)).toEqual([])
    expect(vectors.mostSimilar('giraffe', matrix)).toEqual([])
    expect(vectors.mostSimilar('apple', vectors.prepareVocabulary([]))).toEqual([])
  })
})
