import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseArticle } from '../../src/corpus/parseArticle.ts'
import { analysedPassages } from '../../src/engine/analysisCache.ts'
import { buildPassages } from '../../src/passages/buildPassages.ts'

const SOURCE = '---\ntitle: Port strike\n---\n\n"We will not move," said union leader Ana Ruiz on Monday.\n\nThe port authority said talks would resume in Rotterdam.\n'

describe('the analysis cache: an article read once is read back while it and the code are unchanged', () => {
  let folder: string
  const previous = process.env.VECTOR_CACHE_DIR
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'analysis-cache-'))
    process.env.VECTOR_CACHE_DIR = folder
  })
  afterEach(() => {
    if (previous === undefined) delete process.env.VECTOR_CACHE_DIR
    else process.env.VECTOR_CACHE_DIR = previous
    rmSync(folder, { recursive: true, force: true })
  })
  const files = () => readdirSync(join(folder, 'analysis'))

  it('GIVEN a first read THEN it is written, and equals reading the article afresh', () => {
    const passages = analysedPassages(parseArticle(SOURCE, 'port-strike'))
    expect(files()).toHaveLength(1)
    expect(passages).toEqual(buildPassages(parseArticle(SOURCE, 'port-strike')))
  })

  it('GIVEN the same article again THEN the file is read back, not rewritten, and gives the same passages', () => {
    const first = analysedPassages(parseArticle(SOURCE, 'port-strike'))
    const file = join(folder, 'analysis', files()[0] as string)
    const written = statSync(file).mtimeMs
    const second = analysedPassages(parseArticle(SOURCE, 'port-strike'))
    expect(statSync(file).mtimeMs).toBe(written)
    expect(second).toEqual(first)
  })

  it('GIVEN the article changed THEN it is read anew and its old reading removed', () => {
    analysedPassages(parseArticle(SOURCE, 'port-strike'))
    const before = files()
    const changed = analysedPassages(parseArticle(SOURCE.replace('Monday', 'Tuesday'), 'port-strike'))
    expect(changed.some((passage) => passage.text.includes('Tuesday'))).toBe(true)
    expect(files()).toHaveLength(1)
    expect(files()).not.toEqual(before)
  })

  it('GIVEN more readings than the cap (articles that left the corpus) THEN the oldest are removed, the new one kept', () => {
    mkdirSync(join(folder, 'analysis'), { recursive: true })
    for (let index = 0; index < 2_001; index++) writeFileSync(join(folder, 'analysis', `gone-${String(index).padStart(4, '0')}-${'0'.repeat(32)}.json`), '{}')
    analysedPassages(parseArticle(SOURCE, 'port-strike'))
    const left = files()
    expect(left.length).toBeLessThanOrEqual(1_501)
    expect(left.some((name) => name.startsWith('port-strike-'))).toBe(true)
  })

  it('GIVEN a cache folder that cannot be made (a file stands in its way) THEN the article is still read, and nothing throws', () => {
    const blocker = join(folder, 'not-a-folder')
    writeFileSync(blocker, 'x')
    process.env.VECTOR_CACHE_DIR = blocker
    const passages = analysedPassages(parseArticle(SOURCE, 'port-strike'))
    expect(passages).toEqual(buildPassages(parseArticle(SOURCE, 'port-strike')))
  })
})
