import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The folder holding package.json above this file: the same from `src/` (tsx) and from `dist/src/` (node). */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) return fileURLToPath(new URL('../../', import.meta.url))
    dir = parent
  }
  return `${dir}/`
}

/** The project folder, wherever the process was started from. */
export const PROJECT_ROOT = findProjectRoot()

/** Articles shipped with the project. */
export const DEFAULT_CORPUS_DIR = join(PROJECT_ROOT, 'corpus/')
