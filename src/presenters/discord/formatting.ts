import type { Span } from '../../passages/types.ts'

/** Article text is trusted, but may still hold characters Markdown would read as formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|]/g, (character) => `\\${character}`)
}

/**
 * A passage as a block quote: the answer sentence in bold, the question's
 * words inside it underlined.
 */
export function markedPassage(text: string, sentence: Span, highlights: Span[]): string {
  const pieces: string[] = [escapeMarkdown(text.slice(0, sentence.start)), '**']
  let cursor = sentence.start
  for (const span of highlights) {
    if (span.start < cursor || span.end > sentence.end) continue
    pieces.push(escapeMarkdown(text.slice(cursor, span.start)), '__', escapeMarkdown(text.slice(span.start, span.end)), '__')
    cursor = span.end
  }
  pieces.push(escapeMarkdown(text.slice(cursor, sentence.end)), '**', escapeMarkdown(text.slice(sentence.end)))
  return blockQuote(pieces.join(''))
}

export function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')
}

/** A mention line for the `mention` option: the only ping a reply can carry. */
export function mentionPrefix(userId: string | undefined): string | undefined {
  return userId ? `<@${userId}>` : undefined
}
