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

/** Lower-cases a shouted text's words, keeping the corpus's own acronyms. */
export function lowerShouting(text: string, isCorpusAcronym: (word: string) => boolean = () => false): string {
  if (!isShouting(text)) return text
  return mapWords(text, (word) => (isAllCaps(word) && !isCorpusAcronym(word) ? word.toLowerCase() : undefined))
}
