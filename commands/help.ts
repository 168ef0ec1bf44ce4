import { ApplicationCommandType, SlashCommandBuilder } from 'discord.js'
import type { CommandModule } from '../src/interactions/types.ts'
import { helpMessage, type HelpEntry } from '../src/presenters/discord/helpMessage.ts'
import { articlesIn } from './articleOption.ts'
import { ANSWERS_ANYWHERE } from './installs.ts'

const data = new SlashCommandBuilder()
  .setName('help')
  .setDescription('What I can do: every command with an example, and the articles I can quote here')
  .setContexts(...ANSWERS_ANYWHERE.contexts)
  .setIntegrationTypes(...ANSWERS_ANYWHERE.integrationTypes)
  .toJSON()

/** One line of help per command, read from its registration data: the list cannot go stale. */
function entryOf(module: CommandModule): HelpEntry {
  const { data } = module
  const isMessageCommand = data.type === ApplicationCommandType.Message
  const description = module.help?.description ?? ('description' in data && typeof data.description === 'string' ? data.description : '')
  return {
    name: isMessageCommand ? `Apps → ${data.name}` : `/${data.name}`,
    description,
    example: module.help?.example ?? (isMessageCommand ? `Right-click a message → Apps → ${data.name}` : `/${data.name}`),
    moderatorsOnly: data.default_member_permissions !== undefined && data.default_member_permissions !== null,
  }
}

/** `/help`, over the registry it is given (commands/index.ts passes its own list, so /help lists itself too). */
export function helpCommandFor(registry: () => readonly CommandModule[]): CommandModule {
  return {
    data,
    help: { example: '/help' },
    execute(input, { engine }) {
      return helpMessage(registry().map(entryOf), articlesIn(engine, input))
    },
  }
}
