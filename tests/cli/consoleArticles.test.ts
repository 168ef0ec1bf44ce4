/** The console over two articles: /summary <slug> [short|full], /articles, /speakers <slug>. */
import { describe, expect, it } from 'vitest'
import { consoleReply } from '../../src/transports/console/consoleReply.ts'
import { MAIN_SLUG, twoArticleEngine, WIRE_SLUG } from '../engine/support.ts'

const engine = twoArticleEngine()
const reply = (line: string) => consoleReply(engine, line).output

describe('console with several articles', () => {
  it.each([`/summary ${WIRE_SLUG}`, `/summary ${WIRE_SLUG} full`, `/summary full ${WIRE_SLUG}`])('GIVEN %s THEN that article’s summary, with its source', (line) => {
    const output = reply(line)
    expect(output).toContain(`Summary of “${engine.article(WIRE_SLUG)?.title}”`)
    expect(output).toContain('Example Wire · 2024-03-12')
    expect(output).toMatch(line.includes('full') ? /\(full\)/ : /\(short\)/)
  })

  it('GIVEN /summary with an unknown slug THEN it names the slugs there are', () => {
    expect(reply('/summary port-strike')).toBe(`No article "port-strike". Articles: ${MAIN_SLUG}, ${WIRE_SLUG}.`)
  })

  it('GIVEN /articles THEN every article with slug, paragraph count and who is quoted', () => {
    const output = reply('/articles')
    for (const article of engine.articles()) {
      expect(output).toContain(article.title)
      expect(output).toContain(`slug: ${article.slug} · ${article.paragraphs} paragraphs`)
    }
    expect(output).toContain('https://example.com/world/valdoria-budget')
  })

  it('GIVEN /speakers <slug> THEN only that article’s speakers', () => {
    const wire = reply(`/speakers ${WIRE_SLUG}`)
    const main = reply(`/speakers ${MAIN_SLUG}`)
    expect(wire.split('\n').some((line) => main.includes(line))).toBe(false)
  })

  it('GIVEN a question none of the articles answers THEN "the articles", not "the article"', () => {
    expect(reply('What did the Martian ambassador say?')).toMatch(/articles/)
  })
})

describe('CLI --article', async () => {
  const { mkdtempSync, copyFileSync, rmSync, writeFileSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { afterAll, beforeAll } = await import('vitest')
  const { CLI, runScript } = await import('./spawn.ts')
  const { MAIN_CORPUS_DIR, WIRE_CORPUS_DIR } = await import('../engine/support.ts')
  const folder = mkdtempSync(join(tmpdir(), 'cli-articles-'))
  copyFileSync(join(MAIN_CORPUS_DIR, `${MAIN_SLUG}.md`), join(folder, `${MAIN_SLUG}.md`))
  copyFileSync(join(WIRE_CORPUS_DIR, `${WIRE_SLUG}.md`), join(folder, `${WIRE_SLUG}.md`))
  writeFileSync(join(folder, 'broken.md'), 'no front matter\n')
  const env = { CORPUS_DIR: folder }
  let runs: Record<string, Awaited<ReturnType<typeof runScript>>> = {}
  beforeAll(async () => {
    const [summary, ask, unknown] = await Promise.all([
      runScript(CLI.summary, ['--json', '--article', WIRE_SLUG], { env }),
      runScript(CLI.ask, ['--json', '--article', MAIN_SLUG, 'By how much is public spending cut?'], { env }),
      runScript(CLI.quote, ['--article', 'port-strike', 'Varga'], { env }),
    ])
    runs = { summary, ask, unknown }
  }, 60_000)
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('summary --article: that article; the bad file is one stderr line', () => {
    expect(runs.summary?.code).toBe(0)
    expect(JSON.parse(runs.summary?.stdout ?? '{}').article).toBe(WIRE_SLUG)
    expect(runs.summary?.stderr.trim().split('\n')).toEqual([expect.stringMatching(/broken\.md/)])
  })

  it('ask --article: passages only from that article', () => {
    const passages = JSON.parse(runs.ask?.stdout ?? '{}').passages as Array<{ article: string }>
    expect(passages.every((passage) => passage.article === MAIN_SLUG)).toBe(true)
  })

  it('an unknown --article: exit 2 listing the slugs', () => {
    expect(runs.unknown?.code).toBe(2)
    expect(runs.unknown?.stderr).toContain(`${MAIN_SLUG}, ${WIRE_SLUG}`)
  })
})

describe('console /summary without a slug', () => {
  it('GIVEN several articles THEN the newest, saying how to pick another', () => {
    const output = consoleReply(twoArticleEngine(), '/summary').output
    expect(output).toMatch(/The newest of 2 articles; \/summary <slug> picks another/)
  })
})
