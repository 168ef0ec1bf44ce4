import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { EmbeddingsScanner } from '../../src/semantics/embeddingsScanner.ts'
import { VectorSourceFormatError } from '../../src/semantics/errors.ts'
import { seededRandom } from '../support/random.ts'
import { fixtureJson } from './fixtureEmbeddings.ts'

interface Events {
  numbers: Array<[string, number]>
  words: string[]
  vectors: Array<[string, number[]]>
}

/** Feeds `text` in chunks of `size` characters and records what the scanner reports. */
function scan(text: string, size: number, want: (word: string) => boolean = () => true): Events {
  const events: Events = { numbers: [], words: [], vectors: [] }
  const scanner = new EmbeddingsScanner({
    onNumber: (key, value) => events.numbers.push([key, value]),
    onWord: (word, index) => {
      expect(index).toBe(events.words.length)
      events.words.push(word)
    },
    wantVector: want,
    onVector: (word, values) => events.vectors.push([word, Array.from(values)]),
  })
  for (let start = 0; start < text.length; start += size) scanner.push(text.slice(start, start + size))
  scanner.end()
  return events
}

/** What JSON.parse makes of the same text: the reference. */
function reference(text: string, want: (word: string) => boolean = () => true): Events {
  const parsed = JSON.parse(text) as Record<string, unknown>
  const numbers = Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number')
  const vectors = Object.entries(parsed.vectors as Record<string, number[]>).filter(([word]) => want(word))
  return { numbers, words: parsed.words as string[], vectors }
}

const PRETTY = readFileSync(new URL('../fixtures/vectors/pretty-embeddings.json', import.meta.url), 'utf8')

describe('EmbeddingsScanner', () => {
  it('reads the pretty-printed fixture (escapes, whitespace, unknown keys) the same as JSON.parse, at every chunk size', () => {
    const expected = reference(PRETTY)
    expect(expected.words).toContain('"')
    expect(expected.words).toContain('back\\slash')
    for (let size = 1; size <= PRETTY.length; size += size < 40 ? 1 : 37) expect(scan(PRETTY, size)).toEqual(expected)
  })

  it('reads the generated fixture the same as JSON.parse in 7-character chunks, parsing only the vectors asked for', () => {
    const text = fixtureJson()
    const want = (word: string) => word.startsWith('m')
    const events = scan(text, 7, want)
    expect(events).toEqual(reference(text, want))
    expect(events.vectors.map(([word]) => word)).toEqual(['minister', 'mango', 'ministry'])
  })

  it('parses numbers exactly as Number() does, in every JSON spelling', () => {
    const random = seededRandom(3)
    const spellings = ['0', '-0', '1e5', '-2.5e-7', '3E+2', '0.000123', '12345.6789', '-0.5', ' 7 ', '1e-30', '123456789012']
    for (let index = 0; index < 300; index++) {
      const value = (random() - 0.5) * 10 ** Math.floor(random() * 8 - 4)
      spellings.push(String(value), value.toFixed(6), value.toExponential(4))
    }
    const text = `{"dimensions":${spellings.length},"words":["w"],"vectors":{"w":[${spellings.join(',')}]}}`
    const [vector] = scan(text, 50).vectors
    expect(vector?.[1]).toEqual(spellings.map(Number))
  })

  it.each(['[1,,2]', '[1,2,]', '[1 2]', '[.5]', '[1e]', '[-]', '[1e999]', '[0x10]'])('rejects the vector %s', (vector) => {
    expect(() => scan(`{"dimensions":2,"words":["w"],"vectors":{"w":${vector}}}`, 64)).toThrow(/numbers in the vector of "w"/)
  })

  it('stops when a handler says it has what it needs', () => {
    const text = fixtureJson()
    let seen = 0
    const scanner: EmbeddingsScanner = new EmbeddingsScanner({ wantVector: () => true, onVector: () => ++seen === 2 && scanner.stop() })
    scanner.push(text)
    expect(scanner.done).toBe(true)
    expect(seen).toBe(2)
    expect(() => scanner.end()).not.toThrow()
  })

  it.each([
    ['a truncated file', (text: string) => text.slice(0, Math.floor(text.length / 2)), /ends inside "vectors"/],
    ['a file cut inside the word list', (text: string) => text.slice(0, text.indexOf('banana')), /ends inside "words"/],
    ['a non-object', () => '[1, 2]', /expected "\{"/],
    ['a vector of strings', (text: string) => text.replace(/"minister":\[[^\]]*\]/, '"minister":["a","b"]'), /numbers in the vector of "minister"/],
    ['words that are not an array', () => '{"words": 3}', /words are an array/],
    ['text after the object', (text: string) => `${text} {}`, /unexpected text after/],
  ])('rejects %s with a VectorSourceFormatError', (_name, damage, message) => {
    const text = damage(fixtureJson())
    expect(() => scan(text, 64)).toThrow(VectorSourceFormatError)
    expect(() => scan(text, 64)).toThrow(message)
  })
})
