import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadCorpus } from '../../src/corpus/loadCorpus.ts'
import { createEngine, type Engine } from '../../src/engine/engine.ts'
import type { Attribution } from '../../src/passages/types.ts'
import { inlineArticle, passageWith, quotationWith } from './support.ts'

const SECOND_WIRE_DIR = fileURLToPath(new URL('../fixtures/wire-corpus-2/', import.meta.url))
const BAD_INPUT_DIR = fileURLToPath(new URL('../fixtures/bad-input/', import.meta.url))
const SECOND_WIRE_SOURCE = readFileSync(`${SECOND_WIRE_DIR}harbour-city-final.md`, 'utf8')

let second: Engine | undefined
const secondEngine = () => (second ??= createEngine(loadCorpus(SECOND_WIRE_DIR)))

function attributionOf(engine: Engine, phrase: string): Attribution {
  const attribution = quotationWith(engine, phrase).quotation.attribution
  expect(attribution, `a speaker for "${phrase}"`).not.toBeNull()
  return attribution as Attribution
}

describe('attribution on a second wire article (sport, in the same wire styles)', () => {
  it.each<[string, string, { name: string; role?: string | null; affiliation?: string | null; via: string | null; fromContext?: boolean }]>([
    ['a partial quotation after "ROLE-with-affiliation Name said"', 'earned every blade of grass', { name: 'Miguel Santos', role: 'coach', affiliation: 'Harbour City', via: null }],
    ['"X told OUTLET"', 'Nobody gave us a chance', { name: 'Miguel Santos', via: 'Coastal Standard' }],
    ['a tag-less paragraph after "He went on:"', 'patient with me', { name: 'Miguel Santos', via: 'Coastal Standard', fromContext: true }],
    ['"she said, according to OUTLET" after a role-only source', 'We apologise to every supporter', { name: 'A federation spokeswoman', role: 'federation spokeswoman', via: 'Bay Radio' }],
    ['"X, the body’s role, who led …, said" and then "She continued:"', 'We tested the system twice', { name: 'Ilona Varkas', role: 'head of security', affiliation: 'the federation', via: null, fromContext: true }],
    ['"in a statement, the club said" (the club the article is about)', 'warned the federation in writing', { name: 'Harbour City', via: null }],
    ['"called it “…” in a post on social media"', 'a gift from the referee', { name: 'Jonas Pell', role: 'captain', affiliation: 'Rovers', via: null }],
    ['"OUTLET quoted X as saying"', 'silent for an hour', { name: 'Jonas Pell', via: 'Coastal Standard' }],
  ])('GIVEN %s THEN the quotation is attributed as the article says', (_rule, phrase, expected) => {
    const attribution = attributionOf(secondEngine(), phrase)
    expect(attribution.speaker.name).toBe(expected.name)
    if (expected.role !== undefined) expect(attribution.speaker.role).toBe(expected.role)
    if (expected.affiliation !== undefined) expect(attribution.speaker.affiliation).toBe(expected.affiliation)
    expect(attribution.via).toBe(expected.via)
    if (expected.fromContext !== undefined) expect(quotationWith(secondEngine(), phrase).quotation.fromContext).toBe(expected.fromContext)
  })

  it('GIVEN reported speech without quotation marks THEN it is the speaker’s claim, not a quotation', () => {
    const passage = passageWith(secondEngine(), 'Mayor Dana Whitlock')
    expect(passage.quotations).toEqual([])
    expect(passage.claims.map((claim) => claim.attribution.speaker.name)).toEqual(['Dana Whitlock'])
    expect(passage.claims[0]?.attribution.speaker.role).toBe('Mayor')
  })

  it('GIVEN someone named with a role who never speaks THEN the passage lists them as a person, with the role', () => {
    const passage = passageWith(secondEngine(), 'Tobias Renn')
    expect(passage.attributions).toEqual([])
    expect(passage.people).toContainEqual(expect.objectContaining({ name: 'Tobias Renn', role: 'chief executive' }))
  })

  it('GIVEN the speakers list THEN each speaker appears once, with name, role, affiliation and outlets apart', () => {
    const speakers = secondEngine().speakers()
    expect(new Set(speakers.map((speaker) => speaker.name)).size).toBe(speakers.length)
    expect(speakers.find((speaker) => speaker.name === 'Miguel Santos')).toMatchObject({ role: 'coach', affiliation: 'Harbour City', outlets: ['Coastal Standard'], quoteCount: 3 })
    expect(speakers.find((speaker) => speaker.name === 'Jonas Pell')?.outlets).toEqual(['Coastal Standard'])
  })

  it('GIVEN every speaker THEN name, role and outlet are words the article wrote', () => {
    for (const passage of secondEngine().index.passages) {
      for (const { speaker, via } of [...passage.attributions, ...passage.claims.map((claim) => claim.attribution)]) {
        expect(SECOND_WIRE_SOURCE.toLowerCase()).toContain(speaker.name.toLowerCase())
        if (speaker.role) expect(SECOND_WIRE_SOURCE).toContain(speaker.role)
        if (via) expect(SECOND_WIRE_SOURCE).toContain(via)
      }
    }
  })
})

describe('attribution on bad input', () => {
  const engine = createEngine(loadCorpus(BAD_INPUT_DIR))

  it('GIVEN an article with no quotations THEN it has no speakers, and a quote look-up says so without failing', () => {
    const passages = engine.index.passages.filter((passage) => passage.articleSlug === 'no-quotations')
    expect(passages.length).toBeGreaterThan(0)
    expect(passages.flatMap((passage) => passage.quotations)).toEqual([])
    expect(engine.speakers().filter((speaker) => speaker.articleSlug === 'no-quotations')).toEqual([])
    expect(engine.quote('what did the farmers say').quotes.filter((quote) => quote.passage.articleSlug === 'no-quotations')).toEqual([])
  })

  it('GIVEN unbalanced quotation marks THEN the balanced quotation is still attributed and nothing throws', () => {
    const [quotation] = engine.index.passages.filter((passage) => passage.articleSlug === 'unbalanced-quotes').flatMap((passage) => passage.quotations)
    expect(quotation?.text).toBe('The public deserves a proper debate')
    expect(quotation?.attribution?.speaker).toMatchObject({ name: 'Maya Orr', role: 'councillor' })
  })

  it('GIVEN an article whose only speaker is a role THEN that source is listed by role and found by it', () => {
    const speakers = engine.speakers().filter((speaker) => speaker.articleSlug === 'role-only-speaker')
    expect(speakers).toHaveLength(1)
    expect(speakers[0]).toMatchObject({ name: 'A company spokeswoman', role: 'company spokeswoman', isPerson: false, kind: 'source' })
    expect(engine.quote('spokeswoman').quotes.map((quote) => quote.text)).toEqual(['Safety is never negotiable, and we are sorry for the disruption'])
    // "The spokeswoman said …" later is the same source, not a second one.
    const claims = engine.index.passages.filter((passage) => passage.articleSlug === 'role-only-speaker').flatMap((passage) => passage.claims)
    expect(claims.map((claim) => claim.attribution.speaker.name)).toEqual(['A company spokeswoman'])
  })

  it('GIVEN 300 quotations THEN each is attributed to its speaker and each speaker is listed once', () => {
    const names = ['Anna Holm', 'Bruno Lentz', 'Carla Moss']
    const paragraphs = [`Finance Minister ${names[0]}, union leader ${names[1]} and analyst ${names[2]} spoke on Monday.`]
    for (let index = 0; index < 300; index++) {
      const name = names[index % 3] as string
      paragraphs.push(`“Point number ${index + 1} stands,” ${name.split(' ')[1]} said.`)
    }
    const big = createEngine([inlineArticle(paragraphs.join('\n\n'), 'many-quotes')])
    const quotations = big.index.passages.flatMap((passage) => passage.quotations)
    expect(quotations).toHaveLength(300)
    quotations.forEach((quotation, index) => expect(quotation.attribution?.speaker.name).toBe(names[index % 3]))
    expect(big.speakers().map((speaker) => [speaker.name, speaker.quoteCount])).toEqual(names.map((name) => [name, 100]))
  })
})

describe('attribution constructs, one small article each', () => {
  const attributionsOf = (body: string) =>
    createEngine([inlineArticle(body, 'construct')]).index.passages.flatMap((passage) => passage.quotations.map((quotation) => [quotation.text, quotation.attribution?.speaker.name ?? null, quotation.attribution?.via ?? null]))

  it.each<[string, string, Array<[string, string | null, string | null]>]>([
    ['"the minister" after the one minister named', 'Finance Minister Karl Berg presented the plan. “This is a fair budget,” the minister told reporters.', [['This is a fair budget', 'Karl Berg', null]]],
    ['two inverted tags in one paragraph, the second with lower-case role words', '“We will not move,” said Dr. Anne Li, the hospital’s director. “Neither will we,” said union official Pat Moore.', [['We will not move', 'Anne Li', null], ['Neither will we', 'Pat Moore', null]]],
    ['"according to a government spokesman" then "the spokesman said"', 'According to a government spokesman, the talks will resume in May. “We are hopeful,” the spokesman said.', [['We are hopeful', 'A government spokesman', null]]],
    ['an age between commas', 'John Smith, 45, said he lost his job. “It was a shock,” Smith said.', [['It was a shock', 'John Smith', null]]],
    ['a pronoun with nobody to stand for', '“It is over,” she said. Nobody else was named.', [['It is over', null, null]]],
    ['"said Marta Kowalska, an analyst at X, according to OUTLET"', '“Shipping lines will need weeks,” said Marta Kowalska, an analyst at Sea-Intelligence, according to the Financial Times.', [['Shipping lines will need weeks', 'Marta Kowalska', 'Financial Times']]],
    ['a quotation running on into the next paragraph (no closing mark, the next opens with one)', 'Union leader Jo Park spoke on Monday. “We will fight this in every court,” Park said. “We will not stop\n\n“until the law is repealed.”', [['We will fight this in every court', 'Jo Park', null], ['We will not stop', 'Jo Park', null], ['until the law is repealed.', 'Jo Park', null]]],
    ['"told The Post" with a capitalised article', '“It is not solidarity,” Mr. Lindgren told The Delvan Post.', [['It is not solidarity', 'Lindgren', 'Delvan Post']]],
    ['"asked NAME, a ROLE" then present-tense "says ROLE NAME"', '“Why now?” asked Jane Roe, a shareholder. “Because we can,” says chairman Tom Hill.', [['Why now?', 'Jane Roe', null], ['Because we can', 'Tom Hill', null]]],
    ['"said the ROLE, NAME,"', '“I am delighted,” said the winner, Ana Petrova, after the race.', [['I am delighted', 'Ana Petrova', null]]],
    ['"In a post on X, NAME wrote:"', 'In a post on X, former president Lea Novak wrote: “This is a sad day.”', [['This is a sad day.', 'Lea Novak', null]]],
    ['"in an interview with the public broadcaster NRV", then "He went on:"', 'Erik Mjelde, a drill operator who was pulled from the rubble, spoke on Monday. “They told me to keep working,” Mjelde said in an interview with the public broadcaster NRV. He went on:\n\n“I still hear it.”', [['They told me to keep working', 'Erik Mjelde', 'NRV'], ['I still hear it.', 'Erik Mjelde', 'NRV']]],
    ['"The report, published by the Inspectorate, said"', 'Halvard Mining runs the mine. The report, published on Tuesday by the Mines Inspectorate, said the firm had “repeatedly ignored” warnings.', [['repeatedly ignored', 'Mines Inspectorate', null]]],
    ['"as quoted by the newspaper El Faro"', '“I took the dogs,” Menck said, as quoted by the newspaper El Faro.', [['I took the dogs', 'Menck', 'El Faro']]],
    ['"speaking on state television RTM, called the fire “…”"', 'Governor Alma Restrepo, speaking on state television RTM, called the fire “the worst in living memory.”', [['the worst in living memory.', 'Alma Restrepo', 'RTM']]],
    ['a dateline before the subject of "…, saying “…”"', 'LIEBAU, April 15 — Hallgren Breweries on Monday rejected a takeover offer from rival Kastell Group, saying the bid “significantly undervalues” the company.', [['significantly undervalues', 'Hallgren Breweries', null]]],
    ['a body named after "the company" first', 'Acme Corp cut 300 jobs. In a statement, the company said that “demand was weak.”', [['demand was weak.', 'Acme Corp', null]]],
  ])('GIVEN %s THEN each quotation gets the speaker and outlet the text gives', (_label, body, expected) => {
    expect(attributionsOf(body)).toEqual(expected)
  })

  it('GIVEN "said Renata Szabo, 34, an intensive-care nurse at St. Aurel Hospital" THEN the age is skipped and the role and affiliation read', () => {
    const engine = createEngine([inlineArticle('“We are not asking for the moon,” said Renata Szabo, 34, an intensive-care nurse at St. Aurel Hospital, as she joined a picket line.', 'age')])
    expect(engine.speakers()[0]).toMatchObject({ name: 'Renata Szabo', role: 'intensive-care nurse', title: 'intensive-care nurse at St. Aurel Hospital' })
  })

  it('GIVEN "a drill operator who was pulled from the rubble" THEN the relative clause is not the role or affiliation', () => {
    const engine = createEngine([inlineArticle('Erik Mjelde, a drill operator who was pulled from the rubble, said he had reported a crack. “They told me to tape it,” Mjelde said.', 'relative')])
    expect(engine.speakers()[0]).toMatchObject({ name: 'Erik Mjelde', role: 'drill operator', affiliation: null })
  })

  it('GIVEN "Mediator Kaja Ortens" at a sentence start THEN the agent noun is her role, not part of her name', () => {
    const engine = createEngine([inlineArticle('Mediator Kaja Ortens said talks would resume. “Nobody leaves the room,” she said.', 'mediator')])
    expect(engine.speakers()[0]).toMatchObject({ name: 'Kaja Ortens', role: 'Mediator' })
  })

  it('GIVEN "said Marta Kowalska, an analyst at …" THEN her role is analyst and her affiliation the firm', () => {
    const engine = createEngine([inlineArticle('“Shipping lines will need weeks,” said Marta Kowalska, an analyst at Sea-Intelligence, according to the Financial Times.', 'analyst')])
    expect(engine.speakers()[0]).toMatchObject({ name: 'Marta Kowalska', role: 'analyst', affiliation: 'Sea-Intelligence', outlets: ['Financial Times'] })
    expect(engine.quote('analyst').quotes).toHaveLength(1)
  })
})

describe('speakers of a long paragraph split into parts', () => {
  it('GIVEN two speakers in different parts THEN each part lists only its own speaker and people', () => {
    const filler = 'The figures were published on Monday and showed a steady rise over the decade. '.repeat(5)
    const body = `${filler}“Nobody else takes the days,” said Erika Sekiguchi, a trading company employee. ${filler}“It is a right,” said Yuu Wakebe, a health ministry official.`
    const passages = createEngine([inlineArticle(body, 'long')]).index.passages
    expect(passages.length).toBeGreaterThan(1)
    for (const passage of passages) {
      for (const { speaker } of passage.attributions) expect(passage.text).toContain(speaker.name)
      for (const person of passage.people) expect(passage.text).toContain(person.name.split(' ').at(-1))
    }
    expect(passages.flatMap((passage) => passage.attributions.map(({ speaker }) => speaker.name))).toEqual(['Erika Sekiguchi', 'Yuu Wakebe'])
  })
})

describe('attribution forms met in held-out wire copy', () => {
  const engine = createEngine([
    inlineArticle(
      [
        'ORLEY, May 2 — The Orley Rovers football club lost its appeal on Monday. The club plays in the second division.',
        'Health Minister Rosa Veldt visited the ward on Tuesday.',
        '"No ward should have to choose between beds and firewalls," Veldt was quoted by the Northgate Ledger as saying during the visit.',
        'The nursing union CareFirst said staff were tired. "Our members are exhausted," the union said in a statement.',
        'Dr. Ana Brill, a biologist, said the stock was falling.',
        '"The fish do not care whose flag is on the boat," Brill said, according to an interview with the Tessel Herald.',
        '"Marsh Lane stays our home for now," the club said.',
      ].join('\n\n'),
    ),
  ])

  it.each<[string, string, { name: string; via: string | null }]>([
    ['"X was quoted by OUTLET as saying"', 'No ward should have to choose', { name: 'Rosa Veldt', via: 'Northgate Ledger' }],
    ['"X said, according to an interview with OUTLET"', 'The fish do not care', { name: 'Ana Brill', via: 'Tessel Herald' }],
    ['"the union said" after "the nursing union CareFirst"', 'Our members are exhausted', { name: 'CareFirst', via: null }],
    ['"the club said" after another body the article called a union', 'stays our home for now', { name: 'Orley Rovers', via: null }],
  ])('GIVEN %s THEN the quotation is attributed as the article says', (_rule, phrase, expected) => {
    const attribution = attributionOf(engine, phrase)
    expect(attribution.speaker.name).toBe(expected.name)
    expect(attribution.via).toBe(expected.via)
  })
})
