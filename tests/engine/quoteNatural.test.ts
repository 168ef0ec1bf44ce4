import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadCorpus } from '../../src/corpus/loadCorpus.ts'
import { createEngine } from '../../src/engine/engine.ts'
import type { QuoteResult } from '../../src/engine/types.ts'
import { isInitialism, passagesNamingRole } from '../../src/engine/quote.ts'
import { inlineArticle, loadMainArticles, mainEngine, wireEngine } from './support.ts'

const SECOND_WIRE_DIR = fileURLToPath(new URL('../fixtures/wire-corpus-2/', import.meta.url))
const texts = (result: QuoteResult) => result.quotes.map((quote) => quote.text)

describe('natural quote look-ups find what the bare name, role or outlet finds', () => {
  const engine = mainEngine()

  it.each([
    ['what did asif say', 'Asif'],
    ['wat did asif say??', 'Asif'],
    ['quotes by Khawaja Asif', 'Asif'],
    ['the info minister', 'information minister'],
    ['whos the info minister', 'information minister'],
    ['quotes from AFP', 'AFP'],
    ['quotes reported by afp', 'AFP'],
    ['anything via Dawn', 'Dawn'],
    ['what did Tarrar say', 'Tarar'],
    ['Mujahed', 'Mujahid'],
  ])('GIVEN %j THEN the quotations of %j come back', (natural, bare) => {
    const expected = texts(engine.quote(bare))
    expect(expected.length).toBeGreaterThan(0)
    expect(texts(engine.quote(natural))).toEqual(expected)
  })

  it('GIVEN "what did Asif say about the caves" THEN only his quotation on that topic comes back', () => {
    expect(texts(engine.quote('what did Asif say about the caves'))).toEqual([expect.stringContaining('caves')])
  })

  it.each([['what did shehbaz sharif say'], ['what did India say'], ['quotes from Reuters']])('GIVEN %j (nobody the article quotes) THEN no quotation', (query) => {
    expect(engine.quote(query).quotes).toEqual([])
  })
})

describe('look-ups by role, affiliation and outlet on a second wire article', () => {
  const engine = createEngine(loadCorpus(SECOND_WIRE_DIR))
  const speakersOf = (query: string) => [...new Set(engine.quote(query).quotes.map((quote) => quote.attribution?.speaker.name))]

  it.each<[string, string[]]>([
    ['coach', ['Miguel Santos']],
    ['what did the coach say', ['Miguel Santos']],
    ['spokeswoman', ['A federation spokeswoman']],
    ['the head of security', ['Ilona Varkas']],
    ['Harbour City', ['Miguel Santos', 'Harbour City']],
    ['quotes from the Coastal Standard', ['Miguel Santos', 'Jonas Pell']],
    ['Bay Radio', ['A federation spokeswoman']],
    ['Santoss', ['Miguel Santos']],
    ['Varkass', ['Ilona Varkas']],
    ['spokeswomen', ['A federation spokeswoman']],
    ['what did the spokeswman say', ['A federation spokeswoman']],
  ])('GIVEN %j THEN the quotations of %j come back', (query, names) => {
    expect(speakersOf(query)).toEqual(names)
  })

  it('GIVEN someone the article names but never quotes THEN no quotation, not a similar name', () => {
    expect(engine.quote('what did Renn say').quotes).toEqual([])
  })

  it('GIVEN a role or outlet typed partly THEN autocomplete offers the speaker', () => {
    expect(engine.suggestQuotes('spokes').map((suggestion) => suggestion.query)).toContain('A federation spokeswoman')
    expect(engine.suggestQuotes('coastal').map((suggestion) => suggestion.query)).toContain('Miguel Santos')
    expect(engine.suggestQuotes('security')[0]?.query).toBe('Ilona Varkas')
  })
})

describe('roles written by their initials', () => {
  it.each([['what did the pm say'], ['PM']])('GIVEN %j on the wire fixture THEN the Prime Minister’s quotations come back', (query) => {
    const result = wireEngine().quote(query)
    expect(result.quotes.length).toBeGreaterThan(0)
    expect(new Set(result.quotes.map((quote) => quote.attribution?.speaker.role))).toEqual(new Set(['Prime Minister']))
  })

  it.each<[string, string[], boolean]>([
    ['ceo', ['chief', 'executive'], true],
    ['ceo', ['chief', 'executive', 'officer'], true],
    ['gm', ['general', 'manager'], true],
    ['pm', ['prime', 'minister'], true],
    ['ceo', ['executive'], false],
    ['cfo', ['chief', 'executive'], false],
    ['p', ['prime', 'minister'], false],
  ])('GIVEN %j and the role %j THEN initialism is %s', (word, role, expected) => {
    expect(isInitialism(word, role)).toBe(expected)
  })
})

describe('speakers once per article, with more articles loaded', () => {
  it('GIVEN the same surname quoted in two articles THEN each article lists its own speaker once', () => {
    const engine = createEngine([...loadMainArticles(), ...loadCorpus(SECOND_WIRE_DIR)])
    const speakers = engine.speakers()
    const keys = speakers.map((speaker) => `${speaker.articleSlug}/${speaker.name}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(speakers.find((speaker) => speaker.name === 'Khawaja Asif')?.outlets).toEqual(['Dawn'])
  })
})

describe('who holds a role (for ask)', () => {
  const engine = createEngine(loadCorpus(SECOND_WIRE_DIR))

  it.each([
    ['who is the chief executive of the federation', 'Tobias Renn'],
    ['whos the coach', 'Miguel Santos'],
    ['who is the mayor', 'Dana Whitlock'],
    ['who is the federation’s head of security', 'Ilona Varkas'],
  ])('GIVEN %j THEN the first passage names %s with the role', (question, name) => {
    const [first] = passagesNamingRole(engine.index.passages, question)
    expect(first?.person.name).toBe(name)
    expect(first?.passage.text).toContain(name)
  })

  it('GIVEN initials of the role THEN the holder is found ("ceo")', () => {
    const article = inlineArticle('The board met on Monday. Chief executive Sabine Orlov said profits rose. The Port Authority welcomed the result.', 'ceo')
    const [first] = passagesNamingRole(createEngine([article]).index.passages, 'who is the ceo of the port authority')
    expect(first?.person.name).toBe('Sabine Orlov')
  })

  it('GIVEN a role nobody in the article holds THEN nothing', () => {
    expect(passagesNamingRole(engine.index.passages, 'who is the treasurer')).toEqual([])
  })
})

describe('roles asked about loosely, and roles of people never quoted', () => {
  const body = [
    'The opposition Social Union voted against the bill. Its leader, Tomas Brenner, accused the government of “forcing working people to pay.”',
    'In a statement, the Finance Ministry denied any deal, saying that “no commitments were offered.”',
    'Finance Minister Pavel Horak left the chamber without speaking to reporters.',
  ].join('\n\n')
  const engine = createEngine([inlineArticle(body, 'loose')])
  const speakersOf = (query: string) => [...new Set(engine.quote(query).quotes.map((quote) => quote.attribution?.speaker.name))]

  it('GIVEN "the opposition leader" and one leader quoted THEN his quotations come back', () => {
    expect(speakersOf('what did the opposition leader say')).toEqual(['Tomas Brenner'])
  })

  it('GIVEN the role of someone named but never quoted THEN no quotation, not the body with a similar name', () => {
    expect(engine.quote('what did the finance minister say').quotes).toEqual([])
    expect(speakersOf('finance ministry')).toEqual(['Finance Ministry'])
  })
})
