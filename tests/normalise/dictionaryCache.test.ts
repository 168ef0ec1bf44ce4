import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dictionaryCacheFile, loadEnglishDictionary, loadEnglishWords } from '../../src/normalise/dictionaryCache.ts'

const folders: string[] = []
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'normalise-dictionary-'))
  folders.push(folder)
  return folder
}
afterEach(() => {
  for (const folder of folders.splice(0)) {
    chmodSync(folder, 0o755)
    rmSync(folder, { recursive: true, force: true })
  }
})

/** A tiny Hunspell dictionary: three stems and a plural suffix. */
function tinyDictionary(words = ['cat', 'dog', 'minister']): string {
  const folder = tempFolder()
  writeFileSync(join(folder, 'index.aff'), 'SET UTF-8\nNOSUGGEST !\nSFX S Y 1\nSFX S 0 s .\n')
  writeFileSync(join(folder, 'index.dic'), `${words.length + 1}\n${words.map((word) => `${word}/S`).join('\n')}\nbadword/!\n`)
  return folder
}

describe('the English word cache', () => {
  it('expands the dictionary with nspell, caches it, and reuses the cache', () => {
    const dictionaryDir = tinyDictionary()
    const cacheDir = tempFolder()
    const first = loadEnglishWords({ dictionaryDir, cacheDir })
    expect(first.from).toBe('built')
    expect(first.note).toBe('no cache yet')
    expect(first.words).toEqual(['badword', 'cat', 'cats', 'dog', 'dogs', 'minister', 'ministers'])
    expect(first.noSuggest).toEqual(['badword'])
    const second = loadEnglishWords({ dictionaryDir, cacheDir })
    expect(second.from).toBe('cache')
    expect(second.words).toEqual(first.words)
    expect(second.noSuggest).toEqual(first.noSuggest)
  })

  it('rebuilds when the dictionary changes', () => {
    const dictionaryDir = tinyDictionary()
    const cacheDir = tempFolder()
    loadEnglishWords({ dictionaryDir, cacheDir })
    writeFileSync(join(dictionaryDir, 'index.dic'), '2\ncat/S\nbird/S\n')
    const after = loadEnglishWords({ dictionaryDir, cacheDir })
    expect(after.from).toBe('built')
    expect(after.note).toBe('the dictionary package changed since the cache was built')
    expect(after.words).toContain('birds')
  })

  it('rebuilds a damaged or truncated cache', () => {
    const dictionaryDir = tinyDictionary()
    const cacheDir = tempFolder()
    loadEnglishWords({ dictionaryDir, cacheDir })
    const file = dictionaryCacheFile(cacheDir)
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(0, 3).join('\n'))
    expect(loadEnglishWords({ dictionaryDir, cacheDir }).note).toBe('the cache file is truncated')
    writeFileSync(file, 'not json\ncat')
    expect(loadEnglishWords({ dictionaryDir, cacheDir }).note).toBe('the cache file is damaged or of another format')
    expect(loadEnglishWords({ dictionaryDir, cacheDir }).from).toBe('cache')
  })

  it('still works when the cache cannot be written, and says so', () => {
    if (process.getuid?.() === 0) {
      // root writes anywhere: make the cache path a file so the folder cannot be created.
      const blocker = join(tempFolder(), 'blocker')
      writeFileSync(blocker, '')
      const words = loadEnglishWords({ dictionaryDir: tinyDictionary(), cacheDir: join(blocker, 'cache') })
      expect(words.words).toContain('cats')
      expect(words.note).toMatch(/could not be written/)
      return
    }
    const cacheDir = tempFolder()
    chmodSync(cacheDir, 0o500)
    const words = loadEnglishWords({ dictionaryDir: tinyDictionary(), cacheDir })
    expect(words.note).toMatch(/could not be written/)
  })

  it('names the missing dictionary in one line', () => {
    const missing = join(tempFolder(), 'nowhere')
    mkdirSync(missing)
    expect(() => loadEnglishWords({ dictionaryDir: missing, cacheDir: tempFolder() })).toThrow(/No Hunspell dictionary .* run `npm install`/)
  })

  it('loads the installed American dictionary into a checker', () => {
    const dictionary = loadEnglishDictionary({ cacheDir: tempFolder() })
    expect(dictionary.info.from).toBe('built')
    expect(dictionary.has('negotiations')).toBe(true)
    expect(dictionary.has('Pakistan')).toBe(true)
    expect(dictionary.has('defence')).toBe(false)
    expect(dictionary.suggest('statment')).toEqual(['statement'])
  })
})
