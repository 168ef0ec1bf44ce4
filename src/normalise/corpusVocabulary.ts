import { foldSpelling } from './spellingVariants.ts'
import { WordTrie } from './wordTrie.ts'

/**
 * The corpus's own words, as the normaliser needs them: is a word the
 * corpus uses (in any case or spelling variant), how often, which of them
 * are written in capitals (acronyms such as "TTP"), and which are near a
 * misspelt word (a trie for edit-distance search).
 */

/** Words inside a text: letters and digits, with inner apostrophes ("Pakistan’s" is one word). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu
const MARKS = /\p{M}+/gu

/** The look-up key of a word: lower case, accents off, straight apostrophes. */
export function wordKey(word: string): string {
  const lower = word.toLowerCase()
  const plain = /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFKD').replace(MARKS, '') : lower
  return plain.replace(/’/g, "'")
}

export class CorpusVocabulary {
  private readonly counts = new Map<string, number>()
  private readonly folded = new Set<string>()
  private readonly capitals = new Set<string>()
  private trieOfWords: WordTrie | undefined

  /**
   * @param entries words or whole texts of the corpus (surface forms, any
   * case; each occurrence counts once towards a word's frequency), or a map
   * from word to its count.
   */
  constructor(entries: Iterable<string> | ReadonlyMap<string, number>) {
    // Surface forms are counted first and each distinct one is analysed once: a corpus repeats its words.
    const surfaces = new Map<string, number>()
    const count = (text: string, times: number) => {
      for (const match of text.matchAll(WORD)) surfaces.set(match[0], (surfaces.get(match[0]) ?? 0) + times)
    }
    if (entries instanceof Map) {
      for (const [word, times] of entries as ReadonlyMap<string, number>) count(word, times)
    } else {
      for (const entry of entries as Iterable<string>) count(entry, 1)
    }
    for (const [word, times] of surfaces) {
      this.addWord(word, times)
      // "Pakistan's" also teaches "Pakistan".
      const base = /^(.+)['’]s$/iu.exec(word)?.[1]
      if (base) this.addWord(base, times)
    }
  }

  private addWord(word: string, count: number): void {
    const key = wordKey(word)
    const known = this.counts.get(key)
    this.counts.set(key, (known ?? 0) + count)
    if (known === undefined) this.folded.add(foldSpelling(key))
    if (/^\p{Lu}{2,}$/u.test(word)) this.capitals.add(key)
  }

  get size(): number {
    return this.counts.size
  }

  /** Whether the corpus uses the word, in any case or British/American spelling. */
  has(word: string): boolean {
    const key = wordKey(word)
    return this.counts.has(key) || this.folded.has(foldSpelling(key))
  }

  /** How often the corpus uses the word (0 when never). */
  count(word: string): number {
    return this.counts.get(wordKey(word)) ?? 0
  }

  /** Whether the corpus writes this word in capitals somewhere ("TTP", "AFP", "US"). */
  isAcronym(word: string): boolean {
    return this.capitals.has(wordKey(word))
  }

  /** Corpus words within `maxDistance` edits of `word` (keys: lower case), nearest first. Built on first use. */
  near(word: string, maxDistance: number): Array<{ word: string; distance: number }> {
    this.trieOfWords ??= new WordTrie([...this.counts.keys()].filter((key) => key.length >= 3 && !/\d/.test(key)))
    return this.trieOfWords.search(wordKey(word), maxDistance)
  }

  /** Builds the edit-distance index now (at start), rather than at the first misspelt word. */
  warm(): this {
    this.near('', 0)
    return this
  }
}
