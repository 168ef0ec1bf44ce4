import type { Span } from './types.ts'

const PAIRS: Record<string, string> = { '“': '”', '"': '"', '«': '»' }

/**
 * Spans of text inside quotation marks (the marks excluded), in order. With
 * `runsOn` (the next paragraph opens with a quotation mark), an opening mark
 * never closed runs to the end of the paragraph, as a quotation continued in
 * the next paragraph does in wire copy; otherwise it is a typo and ends the search.
 */
export function findQuotedSpans(text: string, { runsOn = false }: { runsOn?: boolean } = {}): Span[] {
  const spans: Span[] = []
  let index = 0
  while (index < text.length) {
    const open = text[index] as string
    const close = PAIRS[open]
    if (close !== undefined) {
      let end = text.indexOf(close, index + 1)
      if (end === -1) {
        if (!runsOn) break
        // Wire style: a quotation running on into the next paragraph has no closing mark here.
        end = text.length
      }
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
