/** Front matter read as YAML and checked with zod; folders of shared and per-server articles. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadCorpus, readCorpus } from '../../src/corpus/loadCorpus.ts'
import { CorpusError, parseArticle } from '../../src/corpus/parseArticle.ts'
import { MAIN_CORPUS_DIR, MAIN_SLUG } from '../engine/support.ts'

const wrap = (frontMatter: string) => `---\n${frontMatter}\n---\n\nOne paragraph of body text.\n`

describe('front matter refusals: one line naming the file and the field', () => {
  it.each([
    ['an unclosed flow sequence as title', 'title: [unclosed', 'title'],
    ['a list as title', 'title: [a, b]', 'title'],
    ['a number as title', 'title: 1917', 'title'],
    ['a mapping as title', 'title:\n  text: x', 'title'],
    ['a field given twice', 'title: A\ntitle: B', 'title'],
    ['a date with one-digit month', 'title: T\npublished: 2024-3-01', 'published'],
    ['a date and time', 'title: T\npublished: 2024-03-01T10:00:00Z', 'published'],
    ['an unknown field', 'title: T\nsummary: x', 'summary'],
    ['a non-http url', 'title: T\nurl: ftp://example.com/a', 'url'],
  ])('%s', (_label, frontMatter, field) => {
    let caught: unknown
    try {
      parseArticle(wrap(frontMatter), 'bad', 'bad.md')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(CorpusError)
    const message = (caught as Error).message
    expect(message).toMatch(new RegExp(`^bad\\.md: .*"${field}"`))
    expect(message).not.toContain('\n')
  })

  it('accepts quoted titles with YAML specials and a plain YYYY-MM-DD date', () => {
    const article = parseArticle(wrap('title: "Strike: day [2]"\npublished: 2025-06-03\noutlet: The Courier'), 'ok')
    expect(article).toMatchObject({ title: 'Strike: day [2]', published: '2025-06-03', outlet: 'The Courier' })
  })
})

describe('a corpus folder with guilds/<id>/ and bad files', () => {
  const folder = mkdtempSync(join(tmpdir(), 'corpus-folders-'))
  const guild = '1300000000000000100'
  copyFileSync(join(MAIN_CORPUS_DIR, `${MAIN_SLUG}.md`), join(folder, `${MAIN_SLUG}.md`))
  writeFileSync(join(folder, 'bad.md'), wrap('title: [unclosed'))
  mkdirSync(join(folder, 'guilds', guild), { recursive: true })
  mkdirSync(join(folder, 'guilds', 'not-a-guild'), { recursive: true })
  writeFileSync(join(folder, 'guilds', guild, 'local-news.md'), wrap('title: Local news'))
  writeFileSync(join(folder, 'guilds', guild, `${MAIN_SLUG}.md`), wrap('title: Same slug'))
  writeFileSync(join(folder, 'guilds', 'not-a-guild', 'ignored.md'), wrap('title: Ignored'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('reads shared files and each server’s own, skipping bad files and duplicate slugs with one line each', () => {
    const { articles, problems } = readCorpus(folder)
    expect(articles.map((article) => [article.slug, article.owner])).toEqual([
      [MAIN_SLUG, null],
      ['local-news', guild],
    ])
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^bad\.md: .*"title"/)
    expect(problems[1]).toMatch(new RegExp(`^guilds/${guild}/${MAIN_SLUG}\\.md: .*already used`))
  })

  it('loadCorpus reports the bad files and keeps going; with no usable article it throws', () => {
    const reported: string[] = []
    expect(loadCorpus(folder, (problem) => reported.push(problem))).toHaveLength(2)
    expect(reported).toHaveLength(2)
    const onlyBad = mkdtempSync(join(tmpdir(), 'corpus-bad-'))
    writeFileSync(join(onlyBad, 'bad.md'), wrap('title: [unclosed'))
    expect(() => loadCorpus(onlyBad)).toThrowError(/bad\.md.*"title"/)
    rmSync(onlyBad, { recursive: true })
  })
})
