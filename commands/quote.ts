import { InteractionContextType, SlashCommandBuilder } from 'discord.js'
import { audienceOf, stringOption } from '../src/interactions/options.ts'
import type { CommandModule } from '../src/interactions/types.ts'
import { autocompleteChoices } from '../src/presenters/discord/choices.ts'
import { notice } from '../src/presenters/discord/notice.ts'
import { quoteMessage } from '../src/presenters/discord/quoteMessage.ts'
import { withAudienceOptions } from './audienceOptions.ts'

const PREFIX = 'quote'

/**
 * Page buttons carry the whole look-up in their id (`quote:<page>:<query>`), so
 * any process — another shard, an HTTP endpoint — can answer them without state.
 */
export function pageButtonId(query: string, page: number): string {
  return `${PREFIX}:${page}:${query}`.slice(0, 100)
}

function parsePageButton(customId: string): { page: number; query: string } | null {
  const match = /^quote:(-?\d+):(.*)$/s.exec(customId)
  return match ? { page: Number(match[1]), query: match[2] as string } : null
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
    const query = stringOption(input, 'query')
    return quoteMessage(engine.quote(query), 0, audienceOf(input), (page) => pageButtonId(query, page))
  },
  autocomplete(input, { engine }) {
    return autocompleteChoices(engine.suggestQuotes(input.focused.value))
  },
  buttons: {
    prefix: PREFIX,
    handle(input, { engine }) {
      const parsed = parsePageButton(input.customId)
      const result = parsed ? engine.quote(parsed.query) : null
      if (!parsed || !result || result.quotes.length === 0) {
        return { kind: 'reply', message: notice('These results are out of date. Run `/quote` again.') }
      }
      const message = quoteMessage(result, parsed.page, { ephemeral: input.messageEphemeral }, (page) => pageButtonId(parsed.query, page))
      // The update keeps the message's content, so a mention is not sent again.
      return { kind: 'update', message }
    },
  },
}
