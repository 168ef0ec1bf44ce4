import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Writes a cache file aside and renames it into place, so that a reader (a
 * second process starting at the same moment) never sees half a file. A cache
 * that cannot be written is not an error: the caller builds its data in memory
 * each start instead, and the returned line says why.
 */
export function writeCacheFile(file: string, text: string): string | undefined {
  try {
    mkdirSync(dirname(file), { recursive: true })
    const partial = `${file}.${process.pid}.partial`
    writeFileSync(partial, text)
    renameSync(partial, file)
    return undefined
  } catch (error) {
    return `the cache could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); it is rebuilt each start`
  }
}
