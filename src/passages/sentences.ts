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
    // sbd may fold white space (tabs, no-break spaces, runs): find the sentence with any white space between words.
    const pattern = new RegExp(trimmed.split(/\s+/).map(escapeRegExp).join('\\s+'), 'g')
    pattern.lastIndex = cursor
    const match = pattern.exec(text)
    if (!match) continue
    const end = match.index + match[0].length
    sentences.push({ text: match[0], start: match.index, end })
    cursor = end
  }
  return sentences
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
