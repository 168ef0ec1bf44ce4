/**
 * The follow-up functions behind an answer's buttons: further passages for a
 * question (More), the passages around a quoted one (Context), and a
 * quotation the answer sentence cuts, whole. Checked against the passages
 * themselves and the article text, never against fixed wording.
 */
import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/engine.ts'
import { cutQuotations, MORE_PAGE_SIZE, passageContext, wholeQuotation } from '../../src/engine/followUps.ts'
import type { Passage } from '../../src/passages/types.ts'
import { inlineArticle, mainEngine, MAIN_ARTICLE_SOURCE, MAIN_SLUG, twoArticleEngine, WIRE_SLUG } from './support.ts'

const QUESTIONS = ['What did the Taliban say about Pakistan?', 'Where were the talks held?', 'What about suicide bombing?', 'Who mediated the talks?', 'What did Asif say?']

describe('more: further passages for a question', () => {
  const engine = mainEngine()

  for (const question of QUESTIONS) {
    it(`GIVEN "${question}" THEN every page leaves out what the answer shows, pages never repeat, and all pages together are the total`, () => {
      const answer = engine.ask(question)
      expect(answer.answered).toBe(true)
      const shown = new Set(answer.passages.map((ranked) => ranked.passage.id))
      const first = engine.more(question)
      expect(first.answered).toBe(true)
      const seen: string[] = []
      for (let offset = 0; offset < first.total; offset += MORE_PAGE_SIZE) {
        const page = engine.more(question, undefined, { offset })
        expect(page.total).toBe(first.total)
        expect(page.passages.length).toBe(Math.min(MORE_PAGE_SIZE, first.total - offset))
        for (const ranked of page.passages) {
          expect(shown.has(ranked.passage.id), `${ranked.passage.id} is already in the answer`).toBe(false)
          expect(ranked.score).toBeGreaterThanOrEqual(0.5)
          expect(ranked.matchedTerms.length).toBeGreaterThan(0)
        }
        seen.push(...page.passages.map((ranked) => ranked.passage.id))
      }
      expect(new Set(seen).size).toBe(seen.length)
      expect(seen.length).toBe(first.total)
      // Best first across pages.
      const scores = seen.map((id) => engine.more(question, undefined, { offset: seen.indexOf(id), limit: 1 }).passages[0]?.score ?? 0)
      expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    })
  }

  it('GIVEN the question as the answer echoes it THEN the same further passages as for the question typed', () => {
    for (const typed of ['what did  the taliban say about pakistan', 'Where were the talks held?']) {
      const echoed = engine.ask(typed).question
      expect(engine.more(echoed).passages.map((r) => r.passage.id)).toEqual(engine.more(typed).passages.map((r) => r.passage.id))
    }
  })

  it('GIVEN the ids the answer shows THEN the count is the same as when more asks again itself', () => {
    for (const question of QUESTIONS) {
      const answer = engine.ask(question)
      const shown = answer.passages.map((ranked) => ranked.passage.id)
      expect(engine.more(question, undefined, { shown, limit: 0 }).total).toBe(engine.more(question).total)
    }
  })

  it('GIVEN ask in one scope THEN more in another does not reuse its ranking', () => {
    const both = twoArticleEngine()
    const question = 'What did the minister say?'
    for (const [first, second] of [[undefined, { articles: new Set([WIRE_SLUG]) }], [{ articles: new Set([MAIN_SLUG]) }, { articles: new Set([WIRE_SLUG]) }], [undefined, { articles: new Set<string>() }]] as const) {
      const answer = both.ask(question, first)
      const shown = answer.passages.map((ranked) => ranked.passage.id)
      const reused = both.more(question, second, { shown, limit: 50 })
      both.ask('something else entirely', second)
      const again = both.more(question, second, { shown, limit: 50 })
      expect(reused.passages.map((r) => r.passage.id)).toEqual(again.passages.map((r) => r.passage.id))
      for (const ranked of reused.passages) expect(second.articles.has(ranked.passage.articleSlug)).toBe(true)
    }
  })

  it('GIVEN a question the article does not answer, or a summary request THEN there is no "more"', () => {
    const unanswered = engine.more('What did the Martian ambassador say about cricket?')
    expect(unanswered).toMatchObject({ answered: false, total: 0, passages: [] })
    const summary = engine.more('tl;dr')
    expect(summary.total).toBe(0)
  })

  it('GIVEN an offset past the end or a negative one THEN an empty page or the first', () => {
    const question = QUESTIONS[0] as string
    const { total } = engine.more(question)
    expect(engine.more(question, undefined, { offset: total + 10 }).passages).toEqual([])
    expect(engine.more(question, undefined, { offset: -3 }).passages).toEqual(engine.more(question).passages)
  })

  it('GIVEN a scope THEN further passages come from its articles only', () => {
    const both = twoArticleEngine()
    for (const slug of [MAIN_SLUG, WIRE_SLUG]) {
      for (const question of ['What did the minister say?', 'What about the budget and the talks?']) {
        const result = both.more(question, { articles: new Set([slug]) }, { limit: 50 })
        for (const ranked of result.passages) expect(ranked.passage.articleSlug).toBe(slug)
      }
    }
  })
})

/** Paragraphs long enough to be split into parts at 160 characters. */
const LONG = [
  'The council met on Monday. It discussed the harbour plan at length. Members asked about the cost of the new pier and the dredging work that would come with it.',
  'A second paragraph stands alone.',
  'The third paragraph is long as well. It has several sentences about the budget. The treasurer said the figures were provisional and would change. Nobody disputed that point at the meeting.',
].join('\n\n')

function splitEngine() {
  return createEngine([inlineArticle(LONG, 'harbour-plan', 'Harbour plan')], { passages: { maxPassageChars: 90 }, vectors: null, dictionary: null })
}

describe('context: the passages around a quoted one', () => {
  it('GIVEN every passage of the article THEN before and after are its neighbours in article order, across paragraph parts', () => {
    const engine = splitEngine()
    const passages = engine.index.passages
    expect(passages.some((passage) => passage.part > 1), 'the fixture splits a paragraph').toBe(true)
    passages.forEach((passage, position) => {
      const context = passageContext(engine.passage, passage.id)
      expect(context?.passage.id).toBe(passage.id)
      expect(context?.before?.id ?? null).toBe(passages[position - 1]?.id ?? null)
      expect(context?.after?.id ?? null).toBe(passages[position + 1]?.id ?? null)
    })
  })

  it('GIVEN the real article THEN a middle paragraph has the paragraphs before and after it, verbatim', () => {
    const engine = mainEngine()
    const middle = engine.index.passages.find((passage) => passage.paragraph === 5) as Passage
    const context = passageContext(engine.passage, middle.id)
    expect(context?.before?.paragraph).toBe(4)
    expect(context?.after?.paragraph).toBe(6)
    for (const passage of [context?.before, context?.passage, context?.after]) expect(MAIN_ARTICLE_SOURCE).toContain(passage?.text)
  })

  it('GIVEN the first and the last passage THEN nothing before, nothing after', () => {
    const engine = mainEngine()
    const passages = engine.index.passages
    expect(passageContext(engine.passage, (passages[0] as Passage).id)?.before).toBeNull()
    expect(passageContext(engine.passage, (passages.at(-1) as Passage).id)?.after).toBeNull()
  })

  it('GIVEN an unknown id THEN null', () => {
    expect(passageContext(mainEngine().passage, `${MAIN_SLUG}-p999`)).toBeNull()
  })
})

describe('whole quote: a quotation the answer sentence cuts', () => {
  const QUOTED = [
    'The mayor spoke after the vote. “We will build the pier. It will open next year. Nobody should doubt it,” the mayor said.',
    '“The first sentence opens it,” said the treasurer, who added a full sentence of her own.',
    'The harbour master said: “The pier is long overdue. The old one is failing.',
    '“Boats have been damaged there twice this year.”',
  ].join('\n\n')
  const engine = createEngine([inlineArticle(QUOTED, 'pier-vote', 'Pier vote')], { vectors: null, dictionary: null })
  const passage = (paragraph: number) => engine.index.passages.find((candidate) => candidate.paragraph === paragraph) as Passage
  const sentenceWith = (p: Passage, words: string) => p.sentences.find((sentence) => sentence.text.includes(words)) as { start: number; end: number }

  it('GIVEN a sentence inside a longer quotation THEN that quotation is cut', () => {
    const first = passage(1)
    expect(cutQuotations(first, sentenceWith(first, 'It will open next year'))).toEqual([0])
  })

  it('GIVEN a sentence holding a whole quotation, or none of one THEN nothing is cut', () => {
    const second = passage(2)
    expect(cutQuotations(second, sentenceWith(second, 'The first sentence'))).toEqual([])
    const first = passage(1)
    expect(cutQuotations(first, sentenceWith(first, 'The mayor spoke'))).toEqual([])
  })

  it('GIVEN a cut quotation THEN the whole quotation is its verbatim text, with its speaker', () => {
    const whole = wholeQuotation(engine.passage, passage(1).id, 0)
    expect(whole?.quotation.text).toBe('We will build the pier. It will open next year. Nobody should doubt it')
    expect(whole?.quotation.attribution?.speaker.name.toLowerCase()).toContain('mayor')
    expect(whole?.continued).toEqual([])
  })

  it('GIVEN a quotation that runs on into the next paragraph (no closing mark, the next opens with one) THEN the continuation comes with it', () => {
    const third = passage(3)
    const index = third.quotations.findIndex((quotation) => quotation.text.startsWith('The pier is long overdue'))
    expect(index).toBeGreaterThanOrEqual(0)
    const whole = wholeQuotation(engine.passage, third.id, index)
    expect(whole?.continued.map((next) => next.passage.paragraph)).toEqual([4])
    expect(whole?.continued[0]?.quotation.text).toBe('Boats have been damaged there twice this year.')
  })

  it('GIVEN an unknown passage or quotation index THEN null', () => {
    expect(wholeQuotation(engine.passage, 'pier-vote-p99', 0)).toBeNull()
    expect(wholeQuotation(engine.passage, passage(1).id, 7)).toBeNull()
  })
})
