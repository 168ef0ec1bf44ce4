import type { AskResult, QuoteResult, SpeakerEntry, SummaryResult, UnansweredQuestion } from '../engine/types.ts'
import type { ArticleInfo } from '../engine/articleInfo.ts'
import { articleCitation, describeSpeaker, passageSpeakers, speakerLabel, speakerWithOutlets, toldBy } from './citation.ts'
import { sourceLine, theArticles, type Sources } from './sources.ts'

/** Plain-text replies for the terminal: the same content as the bot's, without Discord markup. */

export function notAnsweredText(result: UnansweredQuestion, sources?: Sources): string {
  const several = sources?.several ?? false
  return `${notAnsweredLead(result, sources)}\n${several ? 'They cover' : 'It covers'}: ${result.topics.join('; ')}.`
}

function notAnsweredLead(result: UnansweredQuestion, sources?: Sources): string {
  const several = sources?.several ?? false
  switch (result.reason) {
    case 'no-question':
      return `Ask me a question about ${theArticles(sources)}, for example: "What did the defence minister say?"`
    case 'unknown-names':
      return `${several ? 'None of the articles mentions' : "The article doesn't mention"} ${listWords(result.missing)}, so ${several ? 'they' : 'it'} can't answer that.`
    case 'not-told':
      return `${several ? "The articles don't" : "The article doesn't"} quote anything ${toldBy(result.missing)}.`
    case 'no-author':
      return `${several ? "The articles don't" : "The article doesn't"} name an author, so I can't say who wrote ${several ? 'them' : 'it'}.`
    case 'not-covered':
      return several ? "The articles don't say." : "The article doesn't say."
  }
}

/** Passages are shown as an indented block: they may open with their own quotation marks. */
function quoteBlock(text: string): string {
  return `  | ${text}`
}

function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? 'that') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`
}

export function askText(result: AskResult, sources?: Sources): string {
  if (!result.answered) return notAnsweredText(result, sources)
  const [top, ...more] = result.passages
  if (!top) return notAnsweredText({ ...result, answered: false, reason: 'not-covered', missing: [], topics: [], passages: [] }, sources)
  if (result.summary) {
    const sentences = result.summary.sentences.map((sentence) => `• ${sentence.text} (¶${sentence.paragraph})`)
    return [`Summary: ${result.summary.article.title}`, ...sentences, '', 'Short summary, quoted verbatim · /summary full gives more'].join('\n')
  }
  const url = sources?.article(top.passage.articleSlug)?.url
  const lines = [`Answer: ${result.answer.text}`, '', quoteBlock(top.passage.text), `— ${sourceLine(top.passage, sources)}${url ? ` <${url}>` : ''}`]
  const speakers = passageSpeakers(top.passage)
  if (speakers) lines.push(`  speaking: ${speakers}`)
  for (const ranked of more) lines.push('', `See also — ${sourceLine(ranked.passage, sources)}:`, quoteBlock(ranked.passage.text))
  return lines.join('\n')
}

function speakerList(speakers: SpeakerEntry[]): string {
  return speakers.map(speakerWithOutlets).join('; ')
}

export function quoteText(result: QuoteResult, sources?: Sources): string {
  if (result.quotes.length === 0) {
    const asked = result.query === '' ? 'Give a speaker or a phrase to look up.' : `No quotation matches "${result.query}".`
    if (sources?.several) return [asked, ...sources.articles.map((article) => `Quoted in “${article.title}”: ${article.speakers.join('; ') || 'nobody'}.`)].join('\n')
    return `${asked}\nQuoted in the article: ${speakerList(result.speakers)}.`
  }
  return result.quotes
    .map(({ text, attribution, passage }) => `“${text}”\n— ${attribution ? describeSpeaker(attribution) : 'speaker not stated'} · ${sourceLine(passage, sources)} [${passage.id}]`)
    .join('\n\n')
}

export function summaryText(result: SummaryResult, article?: ArticleInfo): string {
  if (result.sentences.length === 0) return `“${result.article.title}” is too short to summarise: it has no sentences that stand alone.`
  const lines = [`Summary of “${result.article.title}” (${result.length}):`, ...(article ? [`Source: ${articleCitation(article)}${article.url ? ` <${article.url}>` : ''}`] : []), '']
  for (const sentence of result.sentences) {
    const who = sentence.introduces.map(({ mention, label }) => `${mention}: ${label}`).join('; ')
    lines.push(`• ${sentence.text} [${sentence.passageId}]${who ? ` (${who})` : ''}`)
  }
  return lines.join('\n')
}

/** `/articles` in the console: each article with its metadata, slug, paragraphs and who is quoted. */
export function articlesText(articles: readonly ArticleInfo[]): string {
  return articles
    .map((article) =>
      [
        `• ${articleCitation(article)}${article.url ? ` <${article.url}>` : ''}`,
        `  slug: ${article.slug} · ${article.paragraphs} paragraph${article.paragraphs === 1 ? '' : 's'} · quoted: ${article.speakers.join('; ') || 'nobody'}`,
      ].join('\n'),
    )
    .join('\n')
}

export const HELP_TEXT = [
  'Ask a question about the articles, or use a command:',
  '  /quote <speaker or phrase>   quotations by a speaker (a surname, or a role such as "spokesperson") or containing words',
  '  /summary [slug] [short|full] an article in its own sentences, with citations (default: the newest)',
  '  /articles                    every article: title, outlet, date, link, slug, who is quoted',
  '  /speakers [slug]             who is quoted',
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
