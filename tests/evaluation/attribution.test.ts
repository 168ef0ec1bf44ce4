import { describe, expect, it } from 'vitest'
import { scoreAttribution } from '../../src/evaluation/attribution.ts'
import { evalSetSchema, evaluate, formatReport } from '../../src/evaluation/evalSet.ts'
import { mainEngine } from '../engine/support.ts'

describe('attribution scoring', () => {
  const engine = mainEngine()

  it('GIVEN the right surname and outlet THEN the attribution passes', () => {
    expect(scoreAttribution(engine, [{ quote: 'Let me assure them', speaker: 'Asif', via: 'Dawn' }])).toMatchObject({ expected: 1, passed: 1, misses: [] })
  })

  it('GIVEN a quotation the article gives no outlet for, and none expected THEN it passes', () => {
    expect(scoreAttribution(engine, [{ quote: 'workable solution', speaker: 'Tarar' }]).passed).toBe(1)
  })

  it('GIVEN a role word for an unnamed source THEN it passes', () => {
    expect(scoreAttribution(engine, [{ quote: 'politically motivated', speaker: 'negotiators' }]).passed).toBe(1)
  })

  it.each([
    ['the wrong speaker', { quote: 'Let me assure them', speaker: 'Tarar', via: 'Dawn' }, /speaker/],
    ['the wrong outlet', { quote: 'Let me assure them', speaker: 'Asif', via: 'AFP' }, /via Dawn, expected AFP/],
    ['an outlet where the article names none', { quote: 'Let me assure them', speaker: 'Asif' }, /expected no outlet/],
    ['no outlet where one is expected', { quote: 'workable solution', speaker: 'Tarar', via: 'AFP' }, /via none/],
    ['words no quotation holds', { quote: 'words nobody said', speaker: 'Asif' }, /no quotation/],
  ])('GIVEN %s THEN it is a miss that says why', (_label, item, detail) => {
    const report = scoreAttribution(engine, [item])
    expect(report.passed).toBe(0)
    expect(report.misses[0]?.detail).toMatch(detail)
  })
})

describe('eval file: attribution list and "expects no quotations"', () => {
  const engine = mainEngine()
  const set = evalSetSchema.parse({
    answerable: [],
    unanswerable: [],
    quotes: [
      { query: 'what did shehbaz sharif say', must_include_all: [] },
      { query: 'Asif', must_include_all: [] },
    ],
    attribution: [{ quote: 'Regrettably, the Afghan side', speaker: 'Tarar', via: 'AFP' }],
  })

  it('GIVEN an empty must_include_all THEN the look-up passes only when it finds no quotation', () => {
    const report = evaluate(engine, set)
    expect(report.quotesPassed).toBe(1)
    expect(report.misses.find((miss) => miss.kind === 'quote')?.item).toBe('Asif')
  })

  it('GIVEN an attribution list THEN the report scores and prints it', () => {
    const report = evaluate(engine, set)
    expect(report.attribution).toMatchObject({ expected: 1, passed: 1 })
    expect(formatReport(report)).toContain('attribution       1/1')
  })

  it('GIVEN no attribution list THEN it defaults to empty and the line is left out', () => {
    const report = evaluate(engine, evalSetSchema.parse({ answerable: [], unanswerable: [] }))
    expect(report.attribution.expected).toBe(0)
    expect(formatReport(report)).not.toContain('attribution')
  })
})
