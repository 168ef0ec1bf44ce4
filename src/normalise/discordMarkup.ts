/**
 * Stage 1: what Discord adds around a question (mentions, emoji, links,
 * markdown) goes; the words the person typed stay. Every marker is removed,
 * never its content: "who is asif ||spoiler||" keeps "spoiler" as a word only
 * because the person wrote it, and `**TTP**` becomes "TTP".
 *
 * Pure string work with linear-time regular expressions (no nested
 * quantifiers), so a hostile 2,000-character message costs microseconds.
 */

/** Longest normalised question handed to the engine; longer text is cut at a word boundary. */
export const MAX_QUESTION_LENGTH = 500

/** Discord's own message limit: anything longer is not a message a person typed, so it is cut before any work. */
export const MAX_INPUT_LENGTH = 4000

// Mentions: users <@id> <@!id>, roles <@&id>, channels <#id>, slash commands </name:id>,
// timestamps <t:123:R>, guild navigation <id:browse>.
const MENTION = /<(?:@[!&]?\d+|#\d+|\/[^\s<>:]+:\d+|t:-?\d+(?::[tTdDfFR])?|id:\w+)>/g
const EVERYONE = /(^|[^\p{L}\p{N}_])@(?:everyone|here)\b/giu
// "@bot what…", "hey @bot, what…": plain-text mentions before the question (a greeting may come first),
// and "… @bot" after it: they address someone, they are not what is asked about.
const LEADING_PLAIN_MENTIONS = /^(?:(?:hey|hi|hello|yo|oi|ok|okay|so)[,!]?\s+)?(?:\s*@[\p{L}\p{N}_.-]+[:,!]?)+/iu
const TRAILING_PLAIN_MENTIONS = /(?:\s+@[\p{L}\p{N}_-]+)+(?=[.!?]*$)/u
// "ask @someone": the @ goes, the name stays (it may be the thing asked about).
const INLINE_AT = /(^|\s)@(?=[\p{L}\p{N}])/gu
const CUSTOM_EMOJI = /<a?:[\w~-]{1,32}:\d+>/g
// ":thinking:" shortcodes that the client did not convert: letters, digits, _ + - only.
const EMOJI_SHORTCODE = /(^|[\s(])(:[a-z][a-z0-9_+-]{1,31}:)(?=$|[\s).,!?])/gi

// A pictograph with its modifiers: skin tones, variation selectors, keycaps, tags,
// regional-indicator pairs (flags), joined by ZWJ.
const EMOJI = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[#*0-9]\uFE0F?\u20E3)(?:[\uFE0E\uFE0F\u20E3]|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}]|\u200D(?:\p{Extended_Pictographic}|\p{Regional_Indicator}))*/gu
// Text emoticons: :) :-( ;P :D =] <3 (a letter-like mouth only right after the eyes, so "8D" in prose is rare enough).
const EMOTICON = /(^|\s)(?:[:;=][-'^]?[)(\]\[DPpOo3|/\\*]+|<\/?3+|[xX][Dd]+)(?=\s|$)/g
const EMOJI_LEFTOVERS = /[\uFE0E\uFE0F\u20E3\u200D]|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}]/gu

const MARKDOWN_LINK = /\[([^\]\n]{0,500})\]\(\s*<?(?:https?:\/\/|www\.)[^)\s]*>?(?:\s+"[^"\n]*")?\s*\)/gi
const BARE_LINK = /<?\b(?:https?:\/\/|www\.)[^\s<>]+>?/gi

// Code blocks keep their text; a language hint alone on the opening line ("```js") goes.
const CODE_BLOCK = /```(?:[\w+-]{1,20}\n)?([\s\S]*?)```/g
const INLINE_CODE = /`+([^`\n]*)`+/g
// Line-start markers: block quotes (> and >>>), headings (#, ##, ###), subtext (-#), list bullets.
const LINE_MARKERS = /^[ \t]*(?:>{1,3}[ \t]?|-#[ \t]+|#{1,3}[ \t]+|[-*+][ \t]+|\d{1,3}[.)][ \t]+)+/gm
// Emphasis markers: bold, underline, strikethrough, spoiler, then italics.
const PAIRED_MARKERS = /\*\*|__|~~|\|\|/g
// A lone * or _ marks italics only at a word's edge: snake_case and 2*3 keep theirs.
const ITALIC_MARKER = /(^|[^\p{L}\p{N}])[*_]+(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.!?])[*_]+(?=$|[^\p{L}\p{N}])/gu
// Backslash escapes ("\*not italic\*") keep the escaped character.
const ESCAPE = /\\([*_~|`>#\-\\[\]()])/g

/** Control and invisible format characters (bidi overrides, zero-width spaces, BOM) except line breaks and tabs. */
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu
const LINE_BREAK_OR_TAB = /[\n\r\t]/
/** Zalgo: three or more combining marks on one character; no writing system needs that many. */
const ZALGO = /\P{M}\p{M}{3,}/u
const MARKS = /\p{M}+/gu

/** Removes control and invisible formatting characters; keeps line breaks and tabs as they are. */
export function removeControlCharacters(text: string): string {
  return text.replace(CONTROL, (char) => (LINE_BREAK_OR_TAB.test(char) ? char : char === '\u2028' || char === '\u2029' ? '\n' : ''))
}

/**
 * Zalgo text (marks stacked on letters) loses every combining mark; any other
 * text keeps its accents.
 */
export function removeZalgo(text: string): string {
  const composed = text.normalize('NFC')
  if (!ZALGO.test(composed.normalize('NFD'))) return composed
  return composed.normalize('NFD').replace(MARKS, '').normalize('NFC')
}

/** Cuts text to `max` characters at a word boundary when there is one in the last fifth. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const lastSpace = cut.lastIndexOf(' ')
  return (lastSpace >= max * 0.8 ? cut.slice(0, lastSpace) : cut).trimEnd()
}

/** Removes mentions, emoji, links and markdown markers; keeps every word the person wrote. */
export function stripDiscordMarkup(raw: string): string {
  let text = removeZalgo(removeControlCharacters(raw.slice(0, MAX_INPUT_LENGTH)))
  text = text
    .replace(ESCAPE, '$1')
    .replace(CODE_BLOCK, (_match, code: string) => ` ${code} `)
    .replace(INLINE_CODE, (_match, code: string) => code)
    .replace(MARKDOWN_LINK, (_match, label: string) => label)
    .replace(BARE_LINK, ' ')
    .replace(CUSTOM_EMOJI, ' ')
    .replace(MENTION, ' ')
    .replace(EVERYONE, '$1 ')
    .replace(EMOJI, ' ')
    .replace(EMOJI_LEFTOVERS, '')
    .replace(EMOJI_SHORTCODE, '$1 ')
    .replace(EMOTICON, '$1 ')
    .replace(LINE_MARKERS, '')
    .replace(PAIRED_MARKERS, ' ')
    .replace(ITALIC_MARKER, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LEADING_PLAIN_MENTIONS, '')
    .replace(TRAILING_PLAIN_MENTIONS, '')
    .replace(INLINE_AT, '$1')
  return capLength(collapseSpace(text), MAX_QUESTION_LENGTH)
}

/** One space between words, none at the ends, no space before closing punctuation. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/ ([?!.,;:)])/g, '$1').replace(/\( /g, '(').trim()
}

/**
 * The person's own text, fit to show back to them: trimmed, without control or
 * invisible characters (a bidi override cannot reverse the bot's reply) or
 * zalgo, and capped. Discord escaping is the presenter's job, not this one's.
 */
export function echoableText(raw: string): string {
  return capLength(removeZalgo(removeControlCharacters(raw.slice(0, MAX_INPUT_LENGTH))).replace(/[\r\t]/g, ' ').trim(), MAX_QUESTION_LENGTH)
}
