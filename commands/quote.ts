import { InteractionContextType, SlashCommandBuilder } from 'discord.js'
import { audienceOf, stringOption } from '../src/interactions/options.ts'
import type { CommandModule } from '../src/interactions/types.ts'
import { autocompleteChoices } from '../src/presenters/discord/choices.ts'
import { notice } from '../src/presenters/discord/notice.ts'
import { queryOfQuoteMessage, quoteMessage } from '../src/presenters/discord/quoteMessage.ts'
import { withAudienceOptions } from './audienceOptions.ts'

const PREFIX = 'quote'

/**
 * A page button's id is only `quote:<page>`: the query is read back from the
 * message the button sits on, so any process (another shard, an HTTP endpoint)
 * can answer it without state, whatever the query's length.
 */
export function pageButtonId(page: number): string {
  return `${PREFIX}:${page}`
}

function pageOf(customId: string): number | null {
  const match = /^quote:(-?\d+)(?::|$)/.exec(customId)
  return match ? Number(match[1]) : null
}

const builder = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('Look up quotations by speaker (name or role) or by words in them')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .addStringOption((option) =>
    option.setName('query').setDescription('A speaker (“Asif”, “information minister”) or words from a quotation').setRequired(true).setMaxLength(100).setAutocomplete(true),
  )

export const quoteCommand: CommandModule = {
  data: withAudienceOptions(builder).toJSON(),
  execute(input, { engine }) {
    return quoteMessage(engine.quote(stringOption(input, 'query')), 0, audienceOf(input), pageButtonId)
  },
  autocomplete(input, { engine }) {
    return autocompleteChoices(engine.suggestQuotes(input.focused.value))
  },
  buttons: {
    prefix: PREFIX,
    handle(input, { engine }) {
      const page = pageOf(input.customId)
      const query = queryOfQuoteMessage(input.messageEmbedAuthor)
      const result = page === null || query === null ? null : engine.quote(query)
      if (page === null || !result || result.quotes.length === 0) {
        return { kind: 'reply', message: notice('These results are out of date. Run `/quote` again.') }
      }
      // The update keeps the message's content, so a mention is not sent again.
      return { kind: 'update', message: quoteMessage(result, page, { ephemeral: input.messageEphemeral }, pageButtonId) }
    },
  },
}
