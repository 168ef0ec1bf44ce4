import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import nspell from 'nspell'
import { describe, expect, it } from 'vitest'
import { hunspellDictionary, oneEditAway, wordListDictionary } from '../../src/normalise/englishDictionary.ts'

describe('wordListDictionary', () => {
  const dictionary = wordListDictionary(['statement', 'statements', 'where', 'when', 'her', 'slur', 'Iran', 'Asia', 'Polish', 'polish'], {
    noSuggest: ['slur'],
  })

  it('checks words in any case', () => {
    expect(dictionary.has('statement')).toBe(true)
    expect(dictionary.has('STATEMENT')).toBe(true)
    expect(dictionary.has('statment')).toBe(false)
  })

  it('suggests known words one edit away, sorted, never a no-suggest word', () => {
    expect(dictionary.suggest('statment')).toEqual(['statement'])
    expect(dictionary.suggest('wher')).toEqual(['her', 'when', 'where'])
    expect(dictionary.suggest('slurr')).toEqual([])
    expect(dictionary.has('slur')).toBe(true)
  })

  it('knows names but never suggests one', () => {
    expect(dictionary.has('iran')).toBe(true)
    expect(dictionary.has('IRAN')).toBe(true)
    expect(dictionary.suggest('imran')).toEqual([])
    expect(dictionary.suggest('asa')).toEqual([])
    expect(dictionary.suggest('polsh')).toEqual(['polish'])
  })

  it('takes a sorted list as it is', () => {
    const sorted = wordListDictionary(['alpha', 'beta', 'gamma'], { sorted: true, names: ['iran'] })
    expect(sorted.has('beta')).toBe(true)
    expect(sorted.has('delta')).toBe(false)
    expect(sorted.has('Iran')).toBe(true)
    expect(sorted.suggest('iron')).toEqual([])
  })

  it('generates every one-edit string', () => {
    const edits = oneEditAway('ab')
    for (const edit of ['a', 'b', 'ba', 'xb', 'ax', 'xab', 'axb', 'abx']) expect(edits.has(edit)).toBe(true)
    expect(edits.has('ab')).toBe(false)
  })
})

describe('hunspellDictionary', () => {
  it('wraps nspell with the same interface', () => {
    const folder = fileURLToPath(new URL('../../node_modules/dictionary-en/', import.meta.url))
    const dictionary = hunspellDictionary(nspell({ aff: readFileSync(`${folder}index.aff`), dic: readFileSync(`${folder}index.dic`) }))
    expect(dictionary.has('pakistan')).toBe(true)
    expect(dictionary.has('statment')).toBe(false)
    expect(dictionary.suggest('statment')).toContain('statement')
    expect(dictionary.suggest('imran')).not.toContain('iran')
  })
})
