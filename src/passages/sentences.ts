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
    const start = text.indexOf(trimmed, cursor)
    if (start === -1) continue
    const end = start + trimmed.length
    sentences.push({ text: trimmed, start, end })
    cursor = end
  }
  return sentences
}
