/**
 * The word model the word stages share: the text split at spaces, each piece
 * a word with the punctuation around it, so a stage can swap "whos?" for
 * "who is?" without touching the question mark.
 */

export interface WordToken {
  /** Punctuation before the word ("(" in "(info"). */
  before: string
  /** The word itself; may hold inner punctuation: "gov't", "w/o", "chaman-spin", "tl;dr". */
  word: string
  /** Punctuation after the word ("?" in "info?"). */
  after: string
}

const PIECE = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su
/** Apostrophe look-alikes people type or keyboards produce, inside a word. */
const APOSTROPHES = /(?<=[\p{L}\p{N}])[’‘`´ʼ′](?=[\p{L}\p{N}]|$)/gu

/** Curly and look-alike apostrophes inside words become "'", so "didn’t" and "didn't" are one word. */
export function straightenApostrophes(text: string): string {
  return text.replace(APOSTROPHES, "'")
}

export function splitWords(text: string): WordToken[] {
  const tokens: WordToken[] = []
  for (const piece of text.split(' ')) {
    if (piece === '') continue
    const [, before = '', word = '', after = ''] = PIECE.exec(piece) ?? []
    tokens.push({ before, word, after })
  }
  return tokens
}

export function joinWords(tokens: readonly WordToken[]): string {
  return tokens
    .map((token) => `${token.before}${token.word}${token.after}`)
    .filter((piece) => piece !== '')
    .join(' ')
}

/**
 * Replaces each word by what `replace` returns (undefined: unchanged; '': dropped).
 * A dropped word's closing punctuation moves to the word before it, so
 * "is it open or nah?" keeps its question mark.
 */
export function mapWords(text: string, replace: (word: string, index: number, tokens: readonly WordToken[]) => string | undefined): string {
  const tokens = splitWords(text)
  const out: WordToken[] = []
  tokens.forEach((token, index) => {
    const replacement = token.word === '' ? undefined : replace(token.word, index, tokens)
    if (replacement === undefined) {
      out.push(token)
    } else if (replacement === '') {
      const previous = out.at(-1)
      if (previous && token.after !== '') previous.after += token.after
    } else {
      out.push({ ...token, word: replacement })
    }
  })
  return joinWords(out)
}

const UPPER = /\p{Lu}/u
const LOWER = /\p{Ll}/u

/** True for a word written in capitals ("TTP", "DIDNT"), false for "I" or "Asif". */
export function isAllCaps(word: string): boolean {
  return UPPER.test(word) && !LOWER.test(word) && word.replace(/[^\p{L}]/gu, '').length > 1
}

/** Gives `replacement` the casing of `template`: "Whos" → "Who is", "WHOS" → "WHO IS", "whos" → "who is". */
export function matchCase(template: string, replacement: string): string {
  if (isAllCaps(template)) return replacement.toUpperCase()
  const first = template.charAt(0)
  if (UPPER.test(first)) return replacement.charAt(0).toUpperCase() + replacement.slice(1)
  return replacement
}
