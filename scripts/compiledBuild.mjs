// The compiled copy of the sources in dist/ and how `npm start` knows it is current.
//
// Plain JavaScript, because it runs before anything can read TypeScript: it is
// what decides whether the TypeScript loader is needed at all. Node with tsx
// spends about 0.8 s of a 2 s start resolving and loading modules through the
// loader's hooks; the same code compiled starts in about 1.1 s.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** What the compiled copy is made from: every file under these folders, and these files. */
const SOURCE_FOLDERS = ['src', 'commands']
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json']

/** Written into dist/ after a successful build: the fingerprint of the sources it was built from. */
export const STAMP_FILE = join('dist', '.build-stamp.json')

function filesUnder(root, folder, into) {
  let entries
  try {
    entries = readdirSync(join(root, folder), { withFileTypes: true })
  } catch {
    return into
  }
  for (const entry of entries) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) filesUnder(root, path, into)
    else if (entry.isFile()) into.push(path)
  }
  return into
}

/**
 * A digest of every source file's path, size and modification time. Cheap
 * (a stat per file, a few milliseconds) and exact for what matters: any edit,
 * added or removed file, or `npm run train` rewriting a model changes it.
 */
export function sourceFingerprint(root) {
  const hash = createHash('sha256')
  const files = [...SOURCE_FOLDERS.flatMap((folder) => filesUnder(root, folder, [])), ...SOURCE_FILES].sort()
  for (const file of files) {
    let stats
    try {
      stats = statSync(join(root, file))
    } catch {
      hash.update(`${file}\0missing\n`)
      continue
    }
    hash.update(`${file}\0${stats.size}\0${stats.mtimeMs}\n`)
  }
  return hash.digest('hex')
}

/** Whether dist/ was built from the sources as they are now. */
export function isCompiledCurrent(root) {
  try {
    const stamp = JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8'))
    return stamp?.fingerprint === sourceFingerprint(root)
  } catch {
    return false
  }
}

/**
 * Compiles the sources to dist/ with `compile` (tsc in production use), from a
 * clean folder so no file of a removed source lingers, and stamps the result.
 * The fingerprint is taken before compiling: a file edited meanwhile leaves the copy stale.
 */
export function buildCompiled(root, compile) {
  const fingerprint = sourceFingerprint(root)
  rmSync(join(root, 'dist'), { recursive: true, force: true })
  compile()
  writeFileSync(join(root, STAMP_FILE), `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() })}\n`)
}

/** The compiled file for a source entry point: src/main.ts → dist/src/main.js. */
export function compiledPathOf(target) {
  return join('dist', target.replace(/\.ts$/, '.js'))
}

/**
 * Runs an entry point in this process: the compiled copy when it is current,
 * otherwise the TypeScript itself through tsx's loader (`registerTypeScript`).
 * process.argv[1] becomes the entry point, as if node had been given it, since
 * entry modules check it to know they were started rather than imported.
 */
export async function runEntryPoint(root, target, registerTypeScript, args = []) {
  const compiled = isCompiledCurrent(root)
  const file = compiled ? compiledPathOf(target) : target
  if (!compiled) await registerTypeScript()
  process.argv.splice(1, process.argv.length - 1, join(root, file), ...args)
  await import(pathToFileURL(join(root, file)).href)
  return { compiled, file }
}
