import type { AskResult, QuoteResult, SpeakerEntry, SummaryResult, UnansweredQuestion } from '../engine/types.ts'
import { describeSpeaker, passageLocation, passageSpeakers, speakerWithOutlets } from './citation.ts'

/** Plain-text replies for the terminal: the same content as the bot's, without Discord markup. */

export function notAnsweredText(result: UnansweredQuestion): string {
  const lead =
    result.reason === 'no-question'
      ? 'Ask me a question about the article, for example: "What did the defence minister say?"'
      : result.reason === 'unknown-names'
        ? `The article doesn't mention ${listWords(result.missing)}, so it can't answer that.`
        : result.reason === 'no-author'
          ? "The article doesn't name its author, so I can't say who wrote it."
          : "The article doesn't say."
  return `${lead}\nIt covers: ${result.topics.join('; ')}.`
}

/** Passages are shown as an indented block: they may open with their own quotation marks. */
function quoteBlock(text: string): string {
  return `  | ${text}`
}

function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? 'that') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`
}

export function askText(result: AskResult): string {
  if (!result.answered) return notAnsweredText(result)
  const [top, ...more] = result.passages
  if (!top) return notAnsweredText({ ...result, answered: false, reason: 'not-covered', missing: [], topics: [], passages: [] })
  if (result.summary) {
    const sentences = result.summary.sentences.map((sentence) => `• ${sentence.text} (¶${sentence.paragraph})`)
    return [`Summary: ${result.summary.article.title}`, ...sentences, '', 'Short summary, quoted verbatim · /summary full gives more'].join('\n')
  }
  const lines = [`Answer: ${result.answer.text}`, '', quoteBlock(top.passage.text), `— ${passageLocation(top.passage)}`]
  const speakers = passageSpeakers(top.passage)
  if (speakers) lines.push(`  speaking: ${speakers}`)
  for (const ranked of more) lines.push('', `See also — ${passageLocation(ranked.passage)}:`, quoteBlock(ranked.passage.text))
  return lines.join('\n')
}

function speakerList(speakers: SpeakerEntry[]): string {
  return speakers.map(speakerWithOutlets).join('; ')
}

export function quoteText(result: QuoteResult): string {
  if (result.quotes.length === 0) {
    const asked = result.query === '' ? 'Give a speaker or a phrase to look up.' : `No quotation matches "${result.query}".`
    return `${asked}\nQuoted in the article: ${speakerList(result.speakers)}.`
  }
  return result.quotes
    .map(({ text, attribution, passage }) => `“${text}”\n— ${attribution ? describeSpeaker(attribution) : 'speaker not stated'} · ${passageLocation(passage)} [${passage.id}]`)
    .join('\n\n')
}

export function summaryText(result: SummaryResult): string {
  const lines = [`Summary of “${result.article.title}” (${result.length}):`, '']
  for (const sentence of result.sentences) {
    const who = sentence.introduces.map(({ mention, label }) => `${mention}: ${label}`).join('; ')
    lines.push(`• ${sentence.text} [${sentence.passageId}]${who ? ` (${who})` : ''}`)
  }
  return lines.join('\n')
}

export const HELP_TEXT = [
  'Ask a question about the article, or use a command:',
  '  /quote <speaker or phrase>   quotations by a speaker ("Asif", "information minister") or containing words',
  '  /summary [short|full]        the article in its own sentences, with citations',
  '  /speakers                    who is quoted',
  '  /help                        this help',
  '  /exit                        leave (or press Ctrl+D)',
].join('\n')

export function speakersText(speakers: SpeakerEntry[]): string {
  const line = (speaker: SpeakerEntry) => `• ${speakerWithOutlets(speaker)} — ${speaker.quoteCount} quotation${speaker.quoteCount === 1 ? '' : 's'}`
  const articles = [...new Set(speakers.map((speaker) => speaker.articleSlug))]
  if (articles.length <= 1) return speakers.map(line).join('\n')
  // Several articles: each lists its own speakers, once each.
  return articles.map((slug) => [`${slug}:`, ...speakers.filter((speaker) => speaker.articleSlug === slug).map(line)].join('\n')).join('\n\n')
}
