/**
 * `npm start` runs dist/'s compiled copy only while it was built from the
 * sources as they are now, and the TypeScript through tsx otherwise.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildCompiled, compiledPathOf, isCompiledCurrent, sourceFingerprint, STAMP_FILE } from '../../scripts/compiledBuild.mjs'
import { PROJECT_ROOT } from '../engine/support.ts'

let root: string

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true })
  writeFileSync(join(root, path), text)
}

/** Stands in for tsc: the entry point "compiled" to a file that says it is the compiled one. */
function fakeCompile(): void {
  write('dist/src/entry.js', "console.log(JSON.stringify({ ran: 'compiled', args: process.argv.slice(2), argv1: process.argv[1] }))\n")
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'compiled-build-'))
  // ESM, as the project is.
  write('package.json', '{ "type": "module" }\n')
  write('tsconfig.json', '{}\n')
  write('src/entry.ts', "const ran: string = 'typescript'\nconsole.log(JSON.stringify({ ran, args: process.argv.slice(2), argv1: process.argv[1] }))\n")
  write('commands/one.ts', 'export const one: number = 1\n')
})

afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('sourceFingerprint', () => {
  it('is the same for unchanged sources', () => {
    expect(sourceFingerprint(root)).toBe(sourceFingerprint(root))
  })

  it('changes when a source is edited, touched, added or removed, or a tsconfig changes', () => {
    const seen = new Set([sourceFingerprint(root)])
    write('src/entry.ts', "console.log('edited, and longer than before')\n")
    seen.add(sourceFingerprint(root))
    utimesSync(join(root, 'commands/one.ts'), new Date(2001, 1, 1), new Date(2001, 1, 1))
    seen.add(sourceFingerprint(root))
    write('src/engine/models/ranking.json', '{}\n')
    seen.add(sourceFingerprint(root))
    rmSync(join(root, 'commands/one.ts'))
    seen.add(sourceFingerprint(root))
    write('tsconfig.build.json', '{ "extends": "./tsconfig.json" }\n')
    seen.add(sourceFingerprint(root))
    expect(seen.size).toBe(6)
  })

  it('does not look at dist/ or anything outside the sources', () => {
    const before = sourceFingerprint(root)
    write('dist/src/other.js', '\n')
    write('tests/x.test.ts', '\n')
    expect(sourceFingerprint(root)).toBe(before)
  })
})

describe('isCompiledCurrent and buildCompiled', () => {
  it('is false with no build, true after one, false again once a source changes', () => {
    expect(isCompiledCurrent(root)).toBe(false)
    buildCompiled(root, fakeCompile)
    expect(existsSync(join(root, STAMP_FILE))).toBe(true)
    expect(isCompiledCurrent(root)).toBe(true)
    write('src/entry.ts', "console.log('an edit')\n")
    expect(isCompiledCurrent(root)).toBe(false)
  })

  it('builds into a clean dist/: nothing of a removed source lingers', () => {
    write('dist/src/removed.js', 'old\n')
    buildCompiled(root, fakeCompile)
    expect(existsSync(join(root, 'dist/src/removed.js'))).toBe(false)
    expect(existsSync(join(root, 'dist/src/entry.js'))).toBe(true)
  })

  it('a failed compile leaves no stamp, so the sources run', () => {
    expect(() =>
      buildCompiled(root, () => {
        throw new Error('tsc failed')
      }),
    ).toThrow('tsc failed')
    expect(isCompiledCurrent(root)).toBe(false)
  })

  it('an unreadable stamp counts as no build', () => {
    buildCompiled(root, fakeCompile)
    writeFileSync(join(root, STAMP_FILE), 'not json')
    expect(isCompiledCurrent(root)).toBe(false)
  })
})

describe('runEntryPoint', () => {
  /** A child node running the entry point the way scripts/start.mjs does. */
  function start(): { ran: string; args: string[]; argv1: string } {
    const script = [
      `import { runEntryPoint } from ${JSON.stringify(join(PROJECT_ROOT, 'scripts/compiledBuild.mjs'))}`,
      `await runEntryPoint(${JSON.stringify(root)}, 'src/entry.ts', async () => (await import('tsx/esm/api')).register(), ['--flag', 'value'])`,
    ].join('\n')
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 15_000 })
    expect(result.stderr).toBe('')
    return JSON.parse(result.stdout.trim()) as { ran: string; args: string[]; argv1: string }
  }

  it('runs the TypeScript through tsx while there is no current build', () => {
    expect(start()).toEqual({ ran: 'typescript', args: ['--flag', 'value'], argv1: join(root, 'src/entry.ts') })
  })

  it('runs the compiled copy when it is current, and the TypeScript again after an edit', () => {
    buildCompiled(root, fakeCompile)
    expect(start()).toEqual({ ran: 'compiled', args: ['--flag', 'value'], argv1: join(root, compiledPathOf('src/entry.ts')) })
    write('src/entry.ts', "const ran: string = 'typescript'\nconsole.log(JSON.stringify({ ran, args: process.argv.slice(2), argv1: process.argv[1], edited: true }))\n")
    expect(start()).toMatchObject({ ran: 'typescript' })
  })
})

describe('the project', () => {
  it('npm start and start:http run through scripts/start.mjs, and the build stamps what it compiled', async () => {
    const { default: pkg } = (await import('../../package.json', { with: { type: 'json' } })) as { default: { scripts: Record<string, string> } }
    expect(pkg.scripts.start).toBe('node scripts/start.mjs src/main.ts')
    expect(pkg.scripts['start:http']).toBe('node scripts/start.mjs src/transports/http/startHttpBot.ts')
    expect(pkg.scripts.build).toBe('node scripts/build.mjs')
    expect(pkg.scripts.postinstall).toContain('node scripts/build.mjs --postinstall')
  })
})
