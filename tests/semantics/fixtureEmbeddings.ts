import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seededRandom } from '../support/random.ts'

/**
 * A made-up embeddings package in wink's layout, small enough to write per test:
 * each word is its topic's axis × 3 plus noise, so words of one topic are close
 * (cosine about 0.85) and words of different topics are not. Punctuation tokens,
 * a word with an all-zero vector and a word with no vector test what the build drops.
 */
export const DIMENSIONS = 16

export const TOPICS: Record<string, readonly string[]> = {
  politics: ['minister', 'government', 'cabinet', 'parliament', 'ministry'],
  labour: ['strike', 'walkout', 'protest', 'union'],
  fruit: ['banana', 'apple', 'mango', 'fruit'],
  animals: ['cat', 'dog', 'kitten', 'puppy'],
  spelling: ['defence', 'defense'],
  numbers: ['1990', 'u.s.'],
}

/** Frequency order of the fixture's `words`, punctuation and odd cases included. */
export const FREQUENCY_ORDER: readonly string[] = [
  'the', ',', 'minister', '.', 'government', '"', 'strike', '--', 'banana', 'cat', 'defence', '...', 'cabinet',
  'walkout', 'apple', 'dog', 'defense', 'zeroed', 'parliament', 'protest', 'mango', 'kitten', 'novector', '1990',
  'ministry', 'union', 'fruit', 'puppy', 'u.s.', '(',
]

export const WORDS_DROPPED = ['zeroed', 'novector']

function topicOf(word: string): number {
  const names = Object.keys(TOPICS)
  const topic = names.findIndex((name) => TOPICS[name]?.includes(word))
  return topic < 0 ? names.length : topic
}

/** The float vectors the fixture is made of (the reference for quantisation tests). */
export function fixtureVectors(seed = 7): Map<string, number[]> {
  const random = seededRandom(seed)
  const vectors = new Map<string, number[]>()
  for (const word of FREQUENCY_ORDER) {
    if (word === 'novector') continue
    const values = Array.from({ length: DIMENSIONS }, () => (random() - 0.5) * (word === 'defense' ? 0.2 : 1))
    if (word === 'defense') {
      const twin = vectors.get('defence') as number[]
      values.forEach((noise, index) => (values[index] = (twin[index] as number) + noise))
    } else values[topicOf(word)] = (values[topicOf(word)] as number) + 3
    vectors.set(word, word === 'zeroed' ? values.map(() => 0) : values)
  }
  return vectors
}

export interface FixtureOptions {
  version?: string
  /** Write `vectors` in reverse frequency order (the build must then read them all). */
  reverseVectors?: boolean
  seed?: number
}

/** The JSON text, as wink writes it: each vector is D floats, its L2 norm, its word index. */
export function fixtureJson(options: FixtureOptions = {}): string {
  const vectors = fixtureVectors(options.seed)
  const entries = [...vectors].map(([word, values]) => {
    const norm = Math.hypot(...values)
    return [word, [...values.map((value) => Number(value.toFixed(6))), Number(norm.toFixed(6)), FREQUENCY_ORDER.indexOf(word)]] as const
  })
  if (options.reverseVectors) entries.reverse()
  return JSON.stringify({
    precision: 6,
    l2NormIndex: DIMENSIONS,
    wordIndex: DIMENSIONS + 1,
    size: FREQUENCY_ORDER.length,
    dimensions: DIMENSIONS,
    words: FREQUENCY_ORDER,
    vectors: Object.fromEntries(entries),
    unkVector: [...Array.from({ length: DIMENSIONS }, () => 0), 0, -1],
  })
}

export const FIXTURE_PACKAGE = 'fixture-embeddings'

/** Writes (or rewrites) the fixture package into `dir`; returns the JSON file's path. */
export function writeFixturePackage(dir: string, options: FixtureOptions = {}): string {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: FIXTURE_PACKAGE, version: options.version ?? '1.0.0', main: './embeddings.json' }))
  const file = join(dir, 'embeddings.json')
  writeFileSync(file, fixtureJson(options))
  return file
}

/** A temp folder with `source/` (the fixture package) and `cache/`; remove() when done. */
export function fixtureWorkspace(options: FixtureOptions = {}) {
  const root = mkdtempSync(join(tmpdir(), 'aqb-vectors-'))
  const sourceDir = join(root, 'source')
  const sourceFile = writeFixturePackage(sourceDir, options)
  return { root, sourceDir, sourceFile, cacheDir: join(root, 'cache'), remove: () => rmSync(root, { recursive: true, force: true }) }
}
