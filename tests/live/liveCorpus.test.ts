/**
 * The live corpus: rebuilds off the request path and swaps atomically; an
 * interaction keeps the engine it started with; a bad file keeps the old index serving.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CorpusError } from '../../src/corpus/parseArticle.ts'
import { createEngine, type Engine } from '../../src/engine/engine.ts'
import { LiveCorpus } from '../../src/live/liveCorpus.ts'
import { MAIN_CORPUS_DIR, MAIN_SLUG, WIRE_CORPUS_DIR, WIRE_SLUG } from '../engine/support.ts'

const WIRE_QUESTION = 'By how much is public spending cut?'
const MAIN_QUESTION = 'Where did the Taliban suffer defeat in 2001?'

let folder: string
let live: LiveCorpus | undefined
let problems: string[]

function answeredFrom(engine: Engine, question: string): string | null {
  const result = engine.ask(question)
  return result.answered ? (result.passages[0]?.passage.articleSlug ?? null) : null
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'live-corpus-'))
  copyFileSync(join(MAIN_CORPUS_DIR, `${MAIN_SLUG}.md`), join(folder, `${MAIN_SLUG}.md`))
  problems = []
})

afterEach(() => {
  live?.close()
  live = undefined
  rmSync(folder, { recursive: true, force: true })
})

function start(options: ConstructorParameters<typeof LiveCorpus>[1] = {}): LiveCorpus {
  live = new LiveCorpus(folder, { onProblem: (problem) => problems.push(problem), pollMs: 0, ...options })
  return live
}

describe('LiveCorpus', () => {
  it('GIVEN a new file and a reload THEN the new engine answers from it, and the engine an interaction already took still answers as before', async () => {
    const corpus = start()
    const before = corpus.current()
    expect(answeredFrom(before, WIRE_QUESTION)).not.toBe(WIRE_SLUG)
    copyFileSync(join(WIRE_CORPUS_DIR, `${WIRE_SLUG}.md`), join(folder, `${WIRE_SLUG}.md`))
    expect((await corpus.reload()).swapped).toBe(true)
    expect(answeredFrom(corpus.current(), WIRE_QUESTION)).toBe(WIRE_SLUG)
    // The old engine is untouched: an interaction that started on it finishes on it.
    expect(before.articles().map((article) => article.slug)).toEqual([MAIN_SLUG])
    expect(answeredFrom(before, WIRE_QUESTION)).not.toBe(WIRE_SLUG)
    expect(answeredFrom(before, MAIN_QUESTION)).toBe(MAIN_SLUG)
  })

  it('GIVEN concurrent asks while files come and go THEN every ask sees one whole corpus, old or new, never a mix', async () => {
    const corpus = start()
    const wire = join(folder, `${WIRE_SLUG}.md`)
    const seen = new Set<string>()
    let stop = false
    const asker = async () => {
      while (!stop) {
        const engine = corpus.current()
        await new Promise((resolve) => setImmediate(resolve))
        // Between taking the engine and using it, a reload may have happened: the engine taken is still whole.
        const slugs = engine.articles().map((article) => article.slug).join(',')
        const main = answeredFrom(engine, MAIN_QUESTION)
        const fromWire = answeredFrom(engine, WIRE_QUESTION)
        expect(main).toBe(MAIN_SLUG)
        expect(fromWire === WIRE_SLUG).toBe(slugs.includes(WIRE_SLUG))
        seen.add(slugs)
      }
    }
    const askers = [asker(), asker(), asker(), asker()]
    for (let round = 0; round < 6; round++) {
      if (round % 2 === 0) copyFileSync(join(WIRE_CORPUS_DIR, `${WIRE_SLUG}.md`), wire)
      else unlinkSync(wire)
      await corpus.reload()
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    stop = true
    await Promise.all(askers)
    expect(seen).toEqual(new Set([MAIN_SLUG, `${MAIN_SLUG},${WIRE_SLUG}`]))
  })

  it('GIVEN a builder that yields THEN the old engine serves while it builds, and reloads asked for meanwhile make one more rebuild, not a pile', async () => {
    let builds = 0
    const corpus = start({
      build: async (articles, options) => {
        builds++
        await new Promise((resolve) => setTimeout(resolve, 50))
        return createEngine(articles, options)
      },
    })
    copyFileSync(join(WIRE_CORPUS_DIR, `${WIRE_SLUG}.md`), join(folder, `${WIRE_SLUG}.md`))
    const first = corpus.reload()
    // The event loop is free while it builds: asks are answered, on the old engine.
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(corpus.current().article(WIRE_SLUG)).toBeUndefined()
    expect(answeredFrom(corpus.current(), MAIN_QUESTION)).toBe(MAIN_SLUG)
    const second = corpus.reload()
    expect(second).toBe(first)
    expect((await first).swapped).toBe(true)
    expect(corpus.current().article(WIRE_SLUG)).toBeDefined()
    expect(builds).toBe(1)
  })

  it('GIVEN a good file edited into a bad one THEN its previous version keeps serving, with one line naming the file and the field', async () => {
    const corpus = start()
    writeFileSync(join(folder, `${MAIN_SLUG}.md`), '---\ntitle: [unclosed\n---\n\nA paragraph.\n')
    const report = await corpus.reload()
    expect(report.newProblems).toHaveLength(1)
    expect(report.newProblems[0]).toMatch(new RegExp(`${MAIN_SLUG}\\.md.*"title"`))
    expect(answeredFrom(corpus.current(), MAIN_QUESTION)).toBe(MAIN_SLUG)
    // Reported once, not on every reload.
    expect((await corpus.reload()).newProblems).toEqual([])
    expect(problems.filter((problem) => problem.includes(MAIN_SLUG))).toHaveLength(1)
  })

  it('GIVEN a new bad file THEN it is skipped with one line and the rest keeps serving', async () => {
    const corpus = start()
    writeFileSync(join(folder, 'bad-date.md'), '---\ntitle: T\npublished: 12 March 2024\n---\n\nA paragraph.\n')
    await corpus.reload()
    expect(problems).toEqual([expect.stringMatching(/bad-date\.md.*"published"/)])
    expect(corpus.current().articles().map((article) => article.slug)).toEqual([MAIN_SLUG])
  })

  it('GIVEN every file removed THEN the previous corpus keeps serving', async () => {
    const corpus = start()
    unlinkSync(join(folder, `${MAIN_SLUG}.md`))
    expect((await corpus.reload()).swapped).toBe(false)
    expect(answeredFrom(corpus.current(), MAIN_QUESTION)).toBe(MAIN_SLUG)
    // Said once, not on every rescan.
    await corpus.reload()
    expect(problems.filter((problem) => problem.includes('no usable article'))).toHaveLength(1)
  })

  it('GIVEN an empty or missing folder at start-up THEN it throws; a bad file beside a good one does not', () => {
    const empty = mkdtempSync(join(tmpdir(), 'live-empty-'))
    expect(() => new LiveCorpus(empty)).toThrowError(CorpusError)
    expect(() => new LiveCorpus(join(empty, 'missing'))).toThrowError(/cannot be read/)
    rmSync(empty, { recursive: true })
    writeFileSync(join(folder, 'broken.md'), 'no front matter\n')
    expect(start().current().articles()).toHaveLength(1)
    expect(problems).toEqual([expect.stringMatching(/broken\.md/)])
  })

  it('GIVEN the folder watched THEN a file landing in guilds/<id>/ is served within seconds, owned by that server', async () => {
    const corpus = start({ debounceMs: 20 }).watch()
    const guild = '1300000000000000100'
    mkdirSync(join(folder, 'guilds', guild), { recursive: true })
    copyFileSync(join(WIRE_CORPUS_DIR, `${WIRE_SLUG}.md`), join(folder, 'guilds', guild, `${WIRE_SLUG}.md`))
    const deadline = Date.now() + 5_000
    while (!corpus.current().article(WIRE_SLUG) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(corpus.current().article(WIRE_SLUG)?.owner).toBe(guild)
  })
})
