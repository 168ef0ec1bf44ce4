import type { Span } from './types.ts'

const PAIRS: Record<string, string> = { '“': '”', '"': '"', '«': '»' }

/** Spans of text inside quotation marks (the marks excluded), in order. */
export function findQuotedSpans(text: string): Span[] {
  const spans: Span[] = []
  let index = 0
  while (index < text.length) {
    const open = text[index] as string
    const close = PAIRS[open]
    if (close !== undefined) {
      const end = text.indexOf(close, index + 1)
      if (end === -1) break
      // A comma closing the quoted words belongs to the tag (“…,” he said); a full stop stays, as written.
      let innerEnd = end
      while (innerEnd > index + 1 && /[\s,]/.test(text[innerEnd - 1] as string)) innerEnd--
      if (innerEnd > index + 1) spans.push({ start: index + 1, end: innerEnd })
      index = end + 1
      continue
    }
    index++
  }
  return spans
}
