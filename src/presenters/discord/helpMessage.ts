import type { ArticleInfo } from '../../engine/articleInfo.ts'
import { articleCitation } from '../citation.ts'
import type { BotMessage } from './botMessage.ts'
import { fitMessage } from './fitMessage.ts'
import { escapeMarkdown } from './formatting.ts'
import { EMBED_COLOUR } from './limits.ts'

export interface HelpEntry {
  /** "/ask", or "Apps → Check against the article" for a message command. */
  name: string
  description: string
  example: string
  moderatorsOnly: boolean
}

/** Articles listed by name in /help; `/articles` has the rest. */
const LISTED_ARTICLES = 10

/** `/help`: ephemeral, every command with one example, and the articles in scope here. */
export function helpMessage(entries: readonly HelpEntry[], articles: readonly ArticleInfo[]): BotMessage {
  const commands = entries
    .map((entry) => `**${escapeMarkdown(entry.name)}**${entry.moderatorsOnly ? ' *(moderators)*' : ''} — ${escapeMarkdown(entry.description)}\n  e.g. \`${entry.example.replace(/`/g, '')}\``)
    .join('\n')
  const listed = articles.slice(0, LISTED_ARTICLES).map((article) => `• ${escapeMarkdown(articleCitation(article))} (\`${article.slug}\`)`)
  if (articles.length > LISTED_ARTICLES) listed.push(`• …and ${articles.length - LISTED_ARTICLES} more: \`/articles\` lists them all`)
  return fitMessage({
    embeds: [
      {
        color: EMBED_COLOUR,
        title: 'What I can do',
        description: `I answer only with verbatim quotes from the articles, saying who said what.\n\n${commands}`,
        fields: [{ name: `Articles here (${articles.length})`, value: listed.join('\n') || 'None yet. A moderator can add one with `/article add`.' }],
        footer: { text: 'Only you can see this' },
      },
    ],
    components: [],
    mentionUsers: [],
    ephemeral: true,
  })
}
