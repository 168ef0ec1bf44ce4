import { isAllCaps, mapWords } from './words.ts'

/**
 * A question typed in capitals ("WHAT DID ASIF SAY") is shouting, not a row
 * of acronyms: its words are lower-cased, except those the corpus itself
 * writes in capitals ("TTP", "AFP", "US"). Mixed text keeps its capitals,
 * since there they mark names and acronyms.
 */

/** Share of capital letters above which a text counts as typed in capitals. */
const SHOUTING_SHARE = 0.8

export function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '')
  if (letters.length < 6) return false
  const capitals = letters.replace(/[^\p{Lu}]/gu, '').length
  const capitalWords = text.split(' ').filter(isAllCaps).length
  return capitals / letters.length >= SHOUTING_SHARE && capitalWords >= 2
}

export interface CapitalsOptions {
  /** Whether the corpus writes this word in capitals ("TTP"). */
  isCorpusAcronym?: (word: string) => boolean
  /** Whether the corpus uses the word at all, in any case. */
  isCorpusWord?: (word: string) => boolean
}

/**
 * Lower-cases a shouted text's words, keeping the corpus's own acronyms. In
 * text that is not shouted, a word in capitals that the corpus only writes
 * in lower or title case is emphasis ("what did ASIF say"), so it is
 * lower-cased too; an acronym the corpus lacks keeps its capitals (it may be
 * a name the corpus never mentions, and that matters).
 */
export function lowerShouting(text: string, options: CapitalsOptions = {}): string {
  const isAcronym = options.isCorpusAcronym ?? (() => false)
  const isWord = options.isCorpusWord ?? (() => false)
  if (isShouting(text)) return mapWords(text, (word) => (isAllCaps(word) && !isAcronym(word) ? word.toLowerCase() : undefined))
  return mapWords(text, (word) => (isAllCaps(word) && !isAcronym(word) && isWord(word) ? word.toLowerCase() : undefined))
}
