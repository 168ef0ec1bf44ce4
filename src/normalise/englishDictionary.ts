/**
 * The English dictionary the spelling stage checks words against and asks
 * for suggestions. Two implementations share one small interface:
 *
 * - `wordListDictionary`: a set of every word form Hunspell's en-US dictionary
 *   accepts (expanded once by nspell, cached; see dictionaryCache.ts), with its
 *   own one-edit suggestions. Microseconds per look-up, about 20 ms to load.
 * - `hunspellDictionary`: an nspell instance as is. About 100 ms to build and
 *   several milliseconds per `suggest`, so it suits tools, not the bot's start.
 */
import type NSpell from 'nspell'

export interface SpellChecker {
  /** Whether the dictionary knows the word, compared in lower case ("pakistan" is known because "Pakistan" is). */
  has(word: string): boolean
  /**
   * Known common words one edit from `word`, in lower case, in a stable order;
   * [] when there are none. Never a name (a word the dictionary only knows
   * capitalised, such as "Iran"): a lower-case unknown word is far more often
   * a name the dictionary lacks than a misspelt one it has.
   */
  suggest(word: string): string[]
  /** Whether the dictionary knows the word only capitalised: a name ("india" → "India"), whatever case it was typed in. */
  isName(word: string): boolean
}

const EDIT_ALPHABET = [..."abcdefghijklmnopqrstuvwxyz'"]

/** Calls `visit` with every string one insertion, deletion, substitution or swap of neighbours away from `word` (repeats possible). */
export function forEachOneEditAway(word: string, visit: (edit: string) => void): void {
  for (let index = 0; index <= word.length; index++) {
    const head = word.slice(0, index)
    const tail = word.slice(index)
    if (tail) visit(head + tail.slice(1))
    if (tail.length > 1) visit(head + (tail[1] as string) + (tail[0] as string) + tail.slice(2))
    for (const char of EDIT_ALPHABET) {
      if (tail && char !== tail[0]) visit(head + char + tail.slice(1))
      visit(head + char + tail)
    }
  }
}

/** Every string one edit away from `word`, as a set. */
export function oneEditAway(word: string): Set<string> {
  const edits = new Set<string>()
  forEachOneEditAway(word, (edit) => edits.add(edit))
  edits.delete(word)
  return edits
}

export interface WordListOptions {
  /** Words that count as known but are never suggested (Hunspell's NOSUGGEST: slurs and the like). */
  noSuggest?: Iterable<string>
  /**
   * The lists are already lower case, without repeats, and sorted in
   * code-unit order (as dictionaryCache writes them): used as they are.
   */
  sorted?: boolean
  /** Names: words known, in lower case, but never suggested. With `sorted`, a sorted list. */
  names?: Iterable<string>
}

/** Binary search in a sorted array of strings. */
function includesSorted(sorted: readonly string[], word: string): boolean {
  let low = 0
  let high = sorted.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const value = sorted[middle] as string
    if (value === word) return true
    if (value < word) low = middle + 1
    else high = middle - 1
  }
  return false
}

const sortedCopy = (words: Iterable<string>) => [...new Set([...words].map((word) => word.toLowerCase()))].sort()

/**
 * A dictionary over a list of word forms. Unsorted input may be in any case:
 * a word given only capitalised ("Iran") is a name, known but never
 * suggested. Sorted arrays and a binary search rather than a Set: 120,000
 * forms are ready as soon as the cache file is split, and a look-up is still
 * well under a microsecond.
 */
export function wordListDictionary(words: Iterable<string>, options: WordListOptions = {}): SpellChecker {
  let common: readonly string[]
  let names: readonly string[]
  if (options.sorted && Array.isArray(words)) {
    common = words
    names = Array.isArray(options.names) ? options.names : sortedCopy(options.names ?? [])
  } else {
    const all = [...words]
    const lower = new Set(all.filter((word) => word === word.toLowerCase()))
    common = sortedCopy(lower)
    names = sortedCopy([...all.map((word) => word.toLowerCase()), ...(options.names ?? [])].filter((word) => !lower.has(word)))
  }
  const hidden = new Set<string>()
  for (const word of options.noSuggest ?? []) hidden.add(word.toLowerCase())
  return {
    has: (word) => {
      const lower = word.toLowerCase()
      return includesSorted(common, lower) || includesSorted(names, lower)
    },
    isName: (word) => {
      const lower = word.toLowerCase()
      return includesSorted(names, lower) && !includesSorted(common, lower)
    },
    suggest(word) {
      const lower = word.toLowerCase()
      // Checked as generated, with no set of all ~600 edits: less garbage per look-up.
      const found = new Set<string>()
      forEachOneEditAway(lower, (candidate) => {
        if (candidate !== lower && includesSorted(common, candidate) && !hidden.has(candidate)) found.add(candidate)
      })
      return [...found].sort()
    },
  }
}

/** A dictionary over an nspell instance: Hunspell's own check and suggestions. */
export function hunspellDictionary(spell: NSpell): SpellChecker {
  return {
    has: (word) => spell.correct(word) || spell.correct(word.toLowerCase()) || spell.correct(capitalise(word.toLowerCase())),
    suggest: (word) => [...new Set(spell.suggest(word.toLowerCase()).filter((suggestion) => suggestion === suggestion.toLowerCase()))],
    isName: (word) => !spell.correct(word.toLowerCase()) && spell.correct(capitalise(word.toLowerCase())),
  }
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)
