import { describe, expect, it } from 'vitest'
import { loadCorpus } from '../../src/corpus/loadCorpus.ts'
import { createEngine, type Engine } from '../../src/engine/engine.ts'
import { checkClaim, MAX_CLAIM_CHARS, type CheckResult } from '../../src/engine/check.ts'
import { inlineArticle, mainEngine, PROJECT_ROOT } from './support.ts'

let brewer: Engine | undefined
/** A held-out fixture article (a takeover bid the company rejects). */
function brewerEngine(): Engine {
  return (brewer ??= createEngine(loadCorpus(`${PROJECT_ROOT}tests/fixtures/heldout-attribution-6`)))
}

let harbour: Engine | undefined
/** A small article written for these tests: a denial inside reported speech, a contraction, a group that rejects a claim. */
function harbourEngine(): Engine {
  return (harbour ??= createEngine([
    inlineArticle(
      [
        'Harbour City council met on Tuesday to discuss the port expansion plan.',
        'The mayor, Ruth Olsen, said the council didn’t approve the expansion plan for the northern harbour. “We have not approved anything yet,” Olsen said.',
        'Local fishermen rejected claims that the expansion would create new jobs, saying the project would destroy the fishing grounds.',
      ].join('\n\n'),
      'harbour-plan',
      'Harbour council delays port plan',
    ),
  ]))
}

function addressed(result: CheckResult) {
  expect(result.kind).toBe('addressed')
  if (result.kind !== 'addressed') throw new Error('not addressed')
  return result
}

/** The marked words of a checked passage, as text. */
function marked(result: ReturnType<typeof addressed>, index = 0): string[] {
  const checked = result.passages[index]
  return (checked?.highlights ?? []).map((span) => checked?.passage.text.slice(span.start, span.end) ?? '')
}

describe('checkClaim: what the article says about a claim, never a verdict', () => {
  it('GIVEN a claim a minister makes in the article THEN his passage, his name as speaker, the claim’s words marked', () => {
    const result = addressed(checkClaim(mainEngine(), 'Tarar said the talks failed because of Kabul’s lack of seriousness'))
    expect(result.stance.kind).toBe('says')
    expect(result.stance.speaker?.name).toBe('Attaullah Tarar')
    expect(result.passages[0]?.passage.text).toContain('lack of seriousness')
    expect(marked(result)).toEqual(expect.arrayContaining(['failed', 'lack', 'seriousness']))
    expect(result.passages.length).toBeGreaterThanOrEqual(1)
    expect(result.passages.length).toBeLessThanOrEqual(3)
  })

  it('GIVEN a claim the article reports as denied THEN "denies", by whoever the denial verb’s subject names', () => {
    const result = addressed(checkClaim(mainEngine(), 'Pakistan allowed US drone operations from its territory'))
    expect(result.stance.kind).toBe('denies')
    expect(result.stance.speaker?.name).toBe('Islamabad')
    expect(result.stance.sentence.text).toContain('strongly denies')
    expect(marked(result)).toEqual(expect.arrayContaining(['drone', 'operations', 'territory']))
  })

  it('GIVEN a held-out article where a company rejects an offer THEN the company denies the claim that it accepted', () => {
    const result = addressed(checkClaim(brewerEngine(), 'Hallgren Breweries accepted the takeover offer from Kastell Group'))
    expect(result.stance.kind).toBe('denies')
    expect(result.stance.speaker?.name).toMatch(/Hallgren/)
  })

  it('GIVEN a claim negated inside someone’s reported speech ("didn’t approve") THEN they deny it', () => {
    const result = addressed(checkClaim(harbourEngine(), 'The council approved the expansion plan for the northern harbour'))
    expect(result.stance.kind).toBe('denies')
    expect(result.stance.speaker?.name).toBe('Ruth Olsen')
  })

  it('GIVEN a group the speaker model does not list rejecting the claim THEN the denial is theirs, named as the article words it', () => {
    const result = addressed(checkClaim(harbourEngine(), 'The expansion would create new jobs'))
    expect(result.stance.kind).toBe('denies')
    expect(result.stance.speaker).toMatchObject({ name: 'Local fishermen', kind: 'source' })
  })

  it('GIVEN a plain statement of the article THEN it says it in its own voice (no speaker)', () => {
    const result = addressed(checkClaim(harbourEngine(), 'The council met on Tuesday'))
    expect(result.stance).toMatchObject({ kind: 'says', speaker: null })
  })

  it('GIVEN a claim the article contradicts with "without" THEN denies, in the article’s own voice', () => {
    const result = addressed(checkClaim(mainEngine(), 'The Istanbul talks ended with an agreement'))
    expect(result.stance).toMatchObject({ kind: 'denies', speaker: null })
    expect(result.stance.sentence.text).toContain('without agreement')
  })

  it('GIVEN a claim that repeats the denier’s own reasons (", saying …") THEN it is what they say, not what they deny', () => {
    const result = addressed(checkClaim(brewerEngine(), 'The bid undervalues the company'))
    expect(result.stance.kind).toBe('says')
    expect(result.stance.speaker?.name).toMatch(/Hallgren/)
  })

  it('GIVEN a claim the article negates in its own voice THEN "denies" with no speaker (nobody is made to say it)', () => {
    const result = addressed(checkClaim(mainEngine(), 'The Taliban government issued an official statement'))
    expect(result.stance.kind).toBe('denies')
    expect(result.stance.speaker).toBeNull()
  })

  it('GIVEN a claim that is itself a denial THEN a denial in the passage agrees with it: "says"', () => {
    const result = addressed(checkClaim(mainEngine(), 'Islamabad denies allowing US drone operations'))
    expect(result.stance.kind).toBe('says')
  })

  it('GIVEN a claim the article never addresses THEN not-addressed, with what the article covers (ask’s own decision)', () => {
    const engine = mainEngine()
    const claim = 'Bananas are a good source of potassium'
    const result = checkClaim(engine, claim)
    expect(result.kind).toBe('not-addressed')
    if (result.kind !== 'not-addressed') return
    expect(result.topics.length).toBeGreaterThan(0)
    expect(engine.ask(claim).answered).toBe(false)
  })

  it('GIVEN a claim naming someone the article never mentions THEN not-addressed, naming the missing name', () => {
    const result = checkClaim(mainEngine(), 'India won the cricket world cup')
    expect(result.kind).toBe('not-addressed')
    if (result.kind === 'not-addressed') expect(result.missing).toContain('India')
  })

  it('GIVEN a 4,000-character claim THEN its start is checked, flagged as truncated, and the echo stays short', () => {
    const long = `Pakistan allowed US drone operations from its territory. ${'And much more besides. '.repeat(200)}`.slice(0, 4000)
    expect(long.length).toBe(4000)
    const result = checkClaim(mainEngine(), long)
    expect(result.kind).not.toBe('nothing-to-check')
    if (result.kind === 'nothing-to-check') return
    expect(result.truncated).toBe(true)
    expect(result.claim.length).toBeLessThanOrEqual(MAX_CLAIM_CHARS)
  })

  it.each([
    ['only a link', 'https://example.com/news/story?id=1', 'only-links'],
    ['only links in angle brackets', '<https://example.com/a> <https://example.org/b>', 'only-links'],
    ['only emoji', '😀🔥👍 <:pepe:123456789012345678>', 'no-words'],
    ['empty', '', 'empty'],
    ['whitespace', '   \n ', 'empty'],
  ] as const)('GIVEN %s THEN nothing to check (%s)', (_, claim, why) => {
    expect(checkClaim(mainEngine(), claim)).toEqual({ kind: 'nothing-to-check', why })
  })

  it('GIVEN a claim in another server’s scope only THEN it is not addressed there', () => {
    const engine = createEngine([...loadCorpus(`${PROJECT_ROOT}corpus`), ...loadCorpus(`${PROJECT_ROOT}tests/fixtures/heldout-attribution-6`)])
    const claim = 'Hallgren Breweries accepted the takeover offer from Kastell Group'
    expect(checkClaim(engine, claim).kind).toBe('addressed')
    expect(checkClaim(engine, claim, { articles: new Set(['istanbul-talks']) }).kind).toBe('not-addressed')
  })
})
