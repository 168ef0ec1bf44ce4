import { describe, expect, it } from 'vitest'
import { findQuotedSpans } from '../../src/passages/quotations.ts'
import { splitSentences } from '../../src/passages/sentences.ts'
import { loadMainArticles, loadWireArticles } from './support.ts'

function expectOffsetsHold(text: string): void {
  const sentences = splitSentences(text)
  let previousEnd = 0
  for (const sentence of sentences) {
    expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text)
    expect(sentence.start).toBeGreaterThanOrEqual(previousEnd)
    expect(sentence.text).toBe(sentence.text.trim())
    previousEnd = sentence.end
  }
}

/** Every non-space character of the text belongs to some sentence: nothing is silently dropped. */
function expectFullCoverage(text: string): void {
  const covered = splitSentences(text)
    .map((sentence) => sentence.text)
    .join('')
  expect(covered.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''))
}

describe('splitSentences', () => {
  it.each([
    ['abbreviated titles', 'Mr. Smith went to Washington. He met Dr. Jones there.', ['Mr. Smith went to Washington.', 'He met Dr. Jones there.']],
    ['initialisms', 'U.S. officials said so. The U.K. disagreed.', ['U.S. officials said so.', 'The U.K. disagreed.']],
    ['decimals and mixed end marks', 'The rate rose 3.5 percent. Prices fell! Really? Yes.', ['The rate rose 3.5 percent.', 'Prices fell!', 'Really?', 'Yes.']],
    ['a time abbreviation', 'He left at 5 p.m. on Friday. She stayed.', ['He left at 5 p.m. on Friday.', 'She stayed.']],
    ['quotations ending a sentence', 'He said “no.” She said “yes.”', ['He said “no.”', 'She said “yes.”']],
    ['no final full stop', 'No final stop here', ['No final stop here']],
    ['a line break', 'Line one\nLine two.', ['Line one', 'Line two.']],
  ])('GIVEN %s THEN the sentences are the ones a reader sees', (_label, text, expected) => {
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual(expected)
    expectOffsetsHold(text)
  })

  it.each([[''], ['   '], ['\n\t']])('GIVEN empty or blank text %j THEN there are no sentences', (text) => {
    expect(splitSentences(text)).toEqual([])
  })

  it('GIVEN leading spaces THEN offsets still point into the original text', () => {
    const text = '  Leading spaces here. Then more text follows.'
    const [first] = splitSentences(text)
    expect(first?.start).toBe(2)
    expectOffsetsHold(text)
  })

  it('GIVEN the same sentence twice THEN the second gets its own offsets, not the first’s', () => {
    const text = 'The vote was delayed again. The vote was delayed again.'
    const sentences = splitSentences(text)
    expect(sentences).toHaveLength(2)
    expect(sentences[1]?.start).toBeGreaterThan(sentences[0]?.end ?? Infinity)
    expectOffsetsHold(text)
  })

  it('GIVEN every paragraph of both articles THEN offsets hold and no text is dropped', () => {
    for (const article of [...loadMainArticles(), ...loadWireArticles()]) {
      for (const paragraph of article.paragraphs) {
        expectOffsetsHold(paragraph.text)
        expectFullCoverage(paragraph.text)
      }
    }
  })

  // Regression test (bug found and fixed in src/passages/sentences.ts): sbd collapses runs of white space and turns
  // U+00A0 into a plain space, so `text.indexOf(trimmed)` finds nothing and the
  // sentence is skipped with `continue`. Any sentence holding a double space, a
  // tab or a no-break space (common in wire copy: "5\u00a0percent", "Mr\u00a0Tarar")
  // disappears: it can never be an answer sentence, a summary sentence or the
  // sentence that attributes a quotation.
  it.each([
    ['a no-break space', 'Prices rose 5\u00a0percent on Monday. Traders were surprised.'],
    ['a double space', 'The talks  ended on Monday. Officials left.'],
    ['a tab', 'The talks\tended on Monday. Officials left.'],
  ])('GIVEN a sentence containing %s THEN it is still returned', (_label, text) => {
    expectFullCoverage(text)
  })
})

describe('findQuotedSpans', () => {
  const quoted = (text: string) => findQuotedSpans(text).map((span) => text.slice(span.start, span.end))

  it.each([
    ['curly quotes', 'He said “we will return” and left.', ['we will return']],
    ['straight quotes', 'He called it "final" twice.', ['final']],
    ['guillemets', 'Le mot «fin» était écrit.', ['fin']],
    ['two quotations', 'First “one”, then “two”.', ['one', 'two']],
    ['a comma and space before the closing mark', 'x “a, b, ” y', ['a, b']],
    ['a full stop inside the marks', 'He had “failed to bring about any workable solution.”', ['failed to bring about any workable solution.']],
    ['an empty pair', 'Nothing “” here.', []],
    ['an unclosed mark after a closed one', 'A “closed” and an “unclosed one', ['closed']],
    ['curly apostrophes only', 'Pakistan’s warning and Kabul’s reply.', []],
  ])('GIVEN %s THEN the spans are the quoted words without their marks', (_label, text, expected) => {
    expect(quoted(text)).toEqual(expected)
  })

  it('GIVEN every paragraph of both articles THEN each span lies inside quotation marks', () => {
    for (const article of [...loadMainArticles(), ...loadWireArticles()]) {
      for (const { text } of article.paragraphs) {
        for (const span of findQuotedSpans(text)) {
          expect(span.start).toBeGreaterThan(0)
          expect(text[span.start - 1]).toMatch(/[“"«]/)
          expect(text.slice(span.end)).toMatch(/^[\s,]*[”"»]/)
        }
      }
    }
  })

  it('GIVEN the Istanbul article THEN its quotations are exactly those between its curly quotes', () => {
    const [article] = loadMainArticles()
    const all = article?.paragraphs.flatMap(({ text }) => quoted(text)) ?? []
    const expected = article?.paragraphs.flatMap(({ text }) => [...text.matchAll(/“([^”]*)”/g)].map((match) => (match[1] as string).replace(/[\s,]+$/, ''))) ?? []
    expect(all).toEqual(expected)
    expect(all.some((text) => text.includes('bitter taste'))).toBe(true)
  })
})
