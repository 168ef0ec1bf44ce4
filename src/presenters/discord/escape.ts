/**
 * Makes user-written text safe to echo: Markdown cannot format it, and
 * mentions cannot ping (allowed mentions stop pings too; this also stops
 * the text from rendering as a mention).
 */
export function escapeUserText(text: string): string {
  return text
    .replace(/[\\*_~`|>#\-[\]()]/g, (character) => `\\${character}`)
    .replace(/@/g, '@\u200b')
    .replace(/<(?=[@#:a])/g, '<\u200b')
    .replace(/https?:\/\//gi, (scheme) => `${scheme.slice(0, -2)}\u200b//`)
}
