import { InteractionContextType, SlashCommandBuilder } from 'discord.js'
import { audienceOf, stringOption } from '../src/interactions/options.ts'
import type { CommandModule } from '../src/interactions/types.ts'
import { askMessage } from '../src/presenters/discord/askMessage.ts'
import { withAudienceOptions } from './audienceOptions.ts'

export const MAX_QUESTION_LENGTH = 300

const builder = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the article: the answer is quoted from it')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .addStringOption((option) =>
    option.setName('question').setDescription('Your question, e.g. “What did the defence minister say?”').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH),
  )

export const askCommand: CommandModule = {
  data: withAudienceOptions(builder).toJSON(),
  execute(input, { engine }) {
    return askMessage(engine.ask(stringOption(input, 'question')), audienceOf(input))
  },
}
