import { describe, expect, it } from 'vitest'
import { loadCorpus } from '../../src/corpus/loadCorpus.ts'
import { CorpusError, parseArticle } from '../../src/corpus/parseArticle.ts'
import { BAD_CORPUS_DIR, MAIN_ARTICLE_SOURCE, MAIN_CORPUS_DIR, MAIN_SLUG, WIRE_ARTICLE_SOURCE, WIRE_CORPUS_DIR, WIRE_SLUG } from './support.ts'

/** The body paragraphs of a Markdown file as a reader sees them: blank-line separated, headings and front matter left out. */
function bodyParagraphs(source: string): string[] {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '')
  return body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '' && !block.startsWith('#'))
}

function headings(source: string): string[] {
  return [...source.matchAll(/^##\s+(.+)$/gm)].map((match) => (match[1] as string).trim())
}

describe('loadCorpus on the project corpus', () => {
  const [article, ...others] = loadCorpus(MAIN_CORPUS_DIR)

  it('GIVEN the corpus folder THEN it loads exactly the Istanbul article, slug from the file name', () => {
    expect(others).toHaveLength(0)
    expect(article?.slug).toBe(MAIN_SLUG)
  })

  it('GIVEN the front matter THEN the title is read without its quotes and nothing is invented', () => {
    expect(article?.title).toBe('Pakistan warns Taliban after Istanbul peace talks collapse')
    expect(article?.outlet).toBeUndefined()
    expect(article?.url).toBeUndefined()
    expect(article?.published).toBeUndefined()
  })

  it('GIVEN the body THEN every blank-line separated paragraph is kept, verbatim and in order', () => {
    expect(article?.paragraphs.map((paragraph) => paragraph.text)).toEqual(bodyParagraphs(MAIN_ARTICLE_SOURCE))
  })

  it('GIVEN ## headings THEN the lede has no section and later paragraphs carry the heading above them', () => {
    const paragraphs = article?.paragraphs ?? []
    expect(paragraphs[0]?.section).toBeNull()
    expect(new Set(paragraphs.slice(1).map((paragraph) => paragraph.section))).toEqual(new Set(headings(MAIN_ARTICLE_SOURCE)))
    const tora = paragraphs.find((paragraph) => paragraph.text.includes('Tora Bora'))
    expect(tora?.section).toBe('Pakistan’s warning to Kabul')
  })
})

describe('loadCorpus on the fictional wire fixture', () => {
  const [article] = loadCorpus(WIRE_CORPUS_DIR)

  it('GIVEN outlet, url and published in the front matter THEN all three are kept', () => {
    expect(article?.slug).toBe(WIRE_SLUG)
    expect(article?.outlet).toBe('Example Wire')
    expect(article?.url).toBe('https://example.com/world/valdoria-budget')
    expect(article?.published).toBe('2024-03-12')
  })

  it('GIVEN ten paragraphs under four sections THEN ten paragraphs are loaded', () => {
    expect(article?.paragraphs.map((paragraph) => paragraph.text)).toEqual(bodyParagraphs(WIRE_ARTICLE_SOURCE))
    expect(article?.paragraphs).toHaveLength(10)
  })
})

describe('loadCorpus errors name the file and the field', () => {
  it.each([
    ['missing-front-matter', 'no-front-matter.md', /front matter/],
    ['empty-title', 'empty-title.md', /"title"/],
    ['unknown-field', 'unknown-field.md', /author/],
    ['bad-published-date', 'bad-date.md', /"published"/],
  ])('GIVEN the %s fixture THEN a CorpusError names %s and the field', (folder, file, field) => {
    let caught: unknown
    try {
      loadCorpus(`${BAD_CORPUS_DIR}${folder}`)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(CorpusError)
    const message = (caught as Error).message
    expect(message).toContain(file)
    expect(message).toMatch(field)
    expect(message).not.toContain('\n')
  })

  it('GIVEN a folder with no *.md file THEN it is refused, naming the folder', () => {
    const folder = `${BAD_CORPUS_DIR}empty-directory`
    expect(() => loadCorpus(folder)).toThrowError(CorpusError)
    expect(() => loadCorpus(folder)).toThrowError(/empty-directory.*no \*\.md/)
  })

  it('GIVEN a folder that does not exist THEN it is refused, naming the folder', () => {
    expect(() => loadCorpus(`${BAD_CORPUS_DIR}no-such-folder`)).toThrowError(/no-such-folder.*cannot be read/)
  })
})

describe('parseArticle', () => {
  const wrap = (frontMatter: string, body = 'One paragraph of body text.') => `---\n${frontMatter}\n---\n\n${body}\n`

  it.each([
    ['a one-character title (the limit)', 'title: "x"'],
    ['a title in single quotes', "title: 'Harbour reopens'"],
    ['a comment line', 'title: T\n# reviewed by the desk'],
    ['29 February in a leap year', 'title: T\npublished: 2024-02-29'],
    ['an https url', 'title: T\nurl: https://example.com/a'],
  ])('GIVEN %s THEN the article is accepted', (_label, frontMatter) => {
    expect(() => parseArticle(wrap(frontMatter), 'ok')).not.toThrow()
  })

  it.each([
    ['an empty title (past the limit)', 'title: ""', 'title'],
    ['a blank title', 'title: "   "', 'title'],
    ['no title at all', 'outlet: Dawn', 'title'],
    ['29 February in a common year', 'title: T\npublished: 2023-02-29', 'published'],
    ['a date written out in words', 'title: T\npublished: March 12, 2024', 'published'],
    ['a url that is not one', 'title: T\nurl: example dot com', 'url'],
    ['an empty outlet', 'title: T\noutlet: ""', 'outlet'],
    ['an unknown field', 'title: T\nauthor: Jo Bloggs', 'author'],
    ['a line that is not key: value', 'title T', 'line 2'],
  ])('GIVEN %s THEN a CorpusError names the file and %s', (_label, frontMatter, field) => {
    expect(() => parseArticle(wrap(frontMatter), 'bad', 'bad-file.md')).toThrowError(CorpusError)
    expect(() => parseArticle(wrap(frontMatter), 'bad', 'bad-file.md')).toThrowError(new RegExp(`bad-file\\.md.*${field}`))
  })

  it('GIVEN front matter but only a heading THEN the body is reported as empty', () => {
    expect(() => parseArticle(wrap('title: T', '## Only a heading'), 'empty', 'empty.md')).toThrowError(/empty\.md.*no paragraphs/)
  })

  it('GIVEN a BOM, CRLF line ends and a paragraph broken over lines THEN it reads like the LF version', () => {
    const crlf = '\uFEFF---\r\ntitle: "Line endings"\r\n---\r\n\r\n## Section\r\n\r\nThe first line\r\ncontinues here.\r\n\r\nSecond paragraph.\r\n'
    const article = parseArticle(crlf, 'crlf')
    expect(article.title).toBe('Line endings')
    expect(article.paragraphs).toEqual([
      { section: 'Section', text: 'The first line continues here.' },
      { section: 'Section', text: 'Second paragraph.' },
    ])
  })
})
