import { describe, expect, it } from 'vitest'
import { buildPassages, defaultPassageOptions } from '../../src/passages/buildPassages.ts'
import { createEngine } from '../../src/engine/engine.ts'
import type { Passage } from '../../src/passages/types.ts'
import { inlineArticle, loadMainArticles, loadWireArticles, twoArticleEngine, WIRE_SLUG } from './support.ts'

const MAX = defaultPassageOptions.maxPassageChars

/** A paragraph of whole sentences that is exactly `length` characters long. */
function paragraphOfLength(length: number): string {
  const sentence = 'The river rose again overnight in the valley.'
  const sentences: string[] = []
  // Leave room for a closing sentence of at least "Finally xxxxx."
  while ([...sentences, sentence].join(' ').length + ' Finally xxxxx.'.length <= length) sentences.push(sentence)
  const used = sentences.join(' ').length + ' Finally .'.length
  return `${sentences.join(' ')} Finally ${'x'.repeat(length - used)}.`
}

function allPassages(): Passage[] {
  return twoArticleEngine().index.passages
}

describe('passage ids', () => {
  it('GIVEN two articles THEN every id is "<slug>-p<paragraph>" with an optional ".<part>", and unique', () => {
    const ids = allPassages().map((passage) => passage.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const passage of allPassages()) {
      const parts = allPassages().filter((other) => other.articleSlug === passage.articleSlug && other.paragraph === passage.paragraph).length
      expect(passage.id).toBe(`${passage.articleSlug}-p${passage.paragraph}${parts > 1 ? `.${passage.part}` : ''}`)
    }
  })

  it('GIVEN the same articles built twice THEN ids and texts are identical', () => {
    const build = () => createEngine([...loadMainArticles(), ...loadWireArticles()]).index.passages.map(({ id, text }) => ({ id, text }))
    expect(build()).toEqual(build())
  })

  it('GIVEN an article THEN its passages cover its paragraphs in order, with their sections', () => {
    for (const article of [...loadMainArticles(), ...loadWireArticles()]) {
      const passages = buildPassages(article)
      expect([...new Set(passages.map((passage) => passage.paragraph))]).toEqual(article.paragraphs.map((_, index) => index + 1))
      for (const passage of passages) {
        const paragraph = article.paragraphs[passage.paragraph - 1]
        expect(passage.section).toBe(paragraph?.section)
        expect(passage.articleTitle).toBe(article.title)
        expect(paragraph?.text).toContain(passage.text)
      }
    }
  })

  it('GIVEN an engine THEN passage(id) finds each passage and nothing for an unknown id', () => {
    const engine = twoArticleEngine()
    for (const passage of engine.index.passages) expect(engine.passage(passage.id)).toBe(passage)
    expect(engine.passage('istanbul-talks-p999')).toBeUndefined()
  })
})

describe('long paragraphs are split at sentence boundaries', () => {
  it('GIVEN the wire article’s paragraph over 700 characters THEN it becomes <slug>-p9.1, -p9.2 … each within the limit', () => {
    const [article] = loadWireArticles()
    const index = article?.paragraphs.findIndex((paragraph) => paragraph.text.length > MAX) ?? -1
    expect(index).toBe(8) // the "How Valdoria got here" background paragraph
    const paragraph = article?.paragraphs[index]?.text ?? ''
    const parts = allPassages().filter((passage) => passage.articleSlug === WIRE_SLUG && passage.paragraph === index + 1)
    expect(parts.length).toBeGreaterThanOrEqual(2)
    expect(parts.map((passage) => passage.id)).toEqual(parts.map((_, part) => `${WIRE_SLUG}-p9.${part + 1}`))
    expect(parts.map((passage) => passage.part)).toEqual(parts.map((_, part) => part + 1))
    for (const passage of parts) {
      expect(passage.text.length).toBeLessThanOrEqual(MAX)
      expect(passage.text).toMatch(/[.!?”]$/)
    }
    expect(parts.map((passage) => passage.text).join(' ')).toBe(paragraph)
  })

  it('GIVEN a paragraph of exactly 700 characters (the limit) THEN it stays one passage', () => {
    const text = paragraphOfLength(MAX)
    expect(text).toHaveLength(MAX)
    const passages = buildPassages(inlineArticle(text))
    expect(passages.map((passage) => passage.id)).toEqual(['inline-p1'])
    expect(passages[0]?.text).toBe(text)
  })

  it('GIVEN a paragraph of 701 characters (past the limit) THEN it is split into parts of whole sentences', () => {
    const text = paragraphOfLength(MAX + 1)
    expect(text).toHaveLength(MAX + 1)
    const passages = buildPassages(inlineArticle(text))
    expect(passages.map((passage) => passage.id)).toEqual(['inline-p1.1', 'inline-p1.2'])
    expect(passages.map((passage) => passage.text).join(' ')).toBe(text)
    for (const passage of passages) expect(passage.sentences.map((sentence) => sentence.text).join(' ')).toBe(passage.text)
  })

  it('GIVEN one sentence longer than the limit THEN it stands alone rather than being cut mid-sentence', () => {
    const text = `The ${'very '.repeat(160)}long sentence ends here.`
    expect(text.length).toBeGreaterThan(MAX)
    const passages = buildPassages(inlineArticle(text))
    expect(passages.map((passage) => passage.text)).toEqual([text])
  })

  it('GIVEN a smaller maxPassageChars option THEN the same paragraph is cut into more parts', () => {
    const text = paragraphOfLength(MAX)
    const small = buildPassages(inlineArticle(text), { maxPassageChars: 200 })
    expect(small.length).toBeGreaterThan(2)
    for (const passage of small) expect(passage.text.length).toBeLessThanOrEqual(200)
  })

  // Regression test (bug found and fixed in src/passages/buildPassages.ts): a part keeps only the quotations lying wholly
  // inside it (`inside`), so a quotation whose sentences fall on both sides of the
  // split belongs to neither part. It vanishes from the index: quote("Doe") finds
  // nothing and Doe is missing from the speakers list, although the article quotes her.
  it('GIVEN a quotation straddling the split of a long paragraph THEN it is still found by speaker', () => {
    const filler = 'The minister spoke for an hour at the podium in the capital. '.repeat(9)
    const body = `Finance Minister Jane Doe spoke on Monday. ${filler}“We will cut the deficit in half by next spring. We will not raise taxes on families, on pensioners or on small businesses, whatever the bond markets demand of us this year,” Doe said.`
    const engine = createEngine([inlineArticle(body)])
    expect(engine.index.passages.length).toBeGreaterThan(1)
    expect(engine.quote('Doe').quotes.map((quote) => quote.text).join(' ')).toContain('We will cut the deficit')
  })
})

describe('properties over every passage of both articles', () => {
  it('GIVEN each quotation THEN its text occurs verbatim in its passage at its offsets', () => {
    let count = 0
    for (const passage of allPassages()) {
      for (const quotation of passage.quotations) {
        count++
        expect(quotation.text.trim()).not.toBe('')
        expect(passage.text.slice(quotation.start, quotation.end)).toBe(quotation.text)
        expect(quotation.text).not.toMatch(/^[“”"]|[“”",]$/)
      }
    }
    expect(count).toBeGreaterThanOrEqual(13)
  })

  it('GIVEN each passage THEN its sentences are slices of its text, in order, covering it', () => {
    for (const passage of allPassages()) {
      let previousEnd = 0
      for (const sentence of passage.sentences) {
        expect(passage.text.slice(sentence.start, sentence.end)).toBe(sentence.text)
        expect(sentence.start).toBeGreaterThanOrEqual(previousEnd)
        previousEnd = sentence.end
      }
      expect(passage.sentences.map((sentence) => sentence.text).join(' ')).toBe(passage.text.replace(/\s+/g, ' '))
    }
  })

  it('GIVEN each passage THEN its attributions name each speaker once', () => {
    for (const passage of allPassages()) {
      const names = passage.attributions.map((attribution) => attribution.speaker.name.toLowerCase())
      expect(new Set(names).size).toBe(names.length)
    }
  })
})
