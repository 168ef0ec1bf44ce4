import sbd from 'sbd'
import type { Sentence } from './types.ts'

/**
 * Splits text into sentences with offsets into the original string.
 * `sbd` handles abbreviations, initials and quotes better than a regular
 * expression; we only map its output back onto the source text.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = []
  let cursor = 0
  for (const raw of sbd.sentences(text, { newline_boundaries: true, preserve_whitespace: true })) {
    const trimmed = raw.trim()
    if (trimmed === '') continue
    const found = locate(text, trimmed, cursor)
    if (!found) continue
    sentences.push(found)
    cursor = found.end
  }
  return sentences
}

/** Where sbd's sentence stands in the text, from `cursor` on. */
function locate(text: string, sentence: string, cursor: number): Sentence | null {
  const start = text.indexOf(sentence, cursor)
  if (start !== -1) return { text: sentence, start, end: start + sentence.length }
  // sbd may fold white space (tabs, no-break spaces, runs): allow any white space between words.
  const pattern = new RegExp(sentence.split(/\s+/).map(escapeRegExp).join('\\s+'), 'g')
  pattern.lastIndex = cursor
  const match = pattern.exec(text)
  return match ? { text: match[0], start: match.index, end: match.index + match[0].length } : null
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
