const ELLIPSIS = '…'

/**
 * Shortens text to at most `max` characters, cutting after the last whole
 * sentence that fits, else the last whole word, and marking the cut with "…".
 */
export function trimToLimit(text: string, max: number): string {
  if (text.length <= max) return text
  if (max <= 1) return ELLIPSIS.slice(0, max)
  // Never cut inside a character: drop a lone high surrogate left by the slice.
  const room = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')
  const sentenceEnd = Math.max(...['. ', '! ', '? ', '.” ', '.\n', '\n\n'].map((mark) => room.lastIndexOf(mark)))
  if (sentenceEnd >= max * 0.5) {
    const cut = room.slice(0, sentenceEnd + (room[sentenceEnd + 1] === '”' ? 2 : 1)).trimEnd()
    const closed = closeFormatting(cut)
    return closed.length + 2 <= max ? `${closed} ${ELLIPSIS}` : `${closed}${ELLIPSIS}`
  }
  const wordEnd = room.lastIndexOf(' ')
  const cut = (wordEnd >= max * 0.5 ? room.slice(0, wordEnd) : room).trimEnd()
  return `${closeFormatting(cut)}${ELLIPSIS}`.slice(0, max)
}

/** A cut can split "**bold**"; drop the unmatched marker so the rest does not turn bold. */
function closeFormatting(text: string): string {
  let result = text
  for (const marker of ['**', '__']) {
    const count = result.split(marker).length - 1
    if (count % 2 === 1) {
      const last = result.lastIndexOf(marker)
      result = result.slice(0, last) + result.slice(last + marker.length)
    }
  }
  return result
}
