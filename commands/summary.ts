import { InteractionContextType, SlashCommandBuilder } from 'discord.js'
import { audienceOf, stringOption } from '../src/interactions/options.ts'
import type { CommandModule } from '../src/interactions/types.ts'
import { summaryMessage } from '../src/presenters/discord/summaryMessage.ts'
import { withAudienceOptions } from './audienceOptions.ts'

export const LENGTH_CHOICES = [
  { name: 'short (about 3 sentences)', value: 'short' },
  { name: 'full (about 7 sentences)', value: 'full' },
] as const

export function summaryLength(value: string): 'short' | 'full' {
  return value === 'full' ? 'full' : 'short'
}

const builder = new SlashCommandBuilder()
  .setName('summary')
  .setDescription('Summarise the article in its own words, with citations')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .addStringOption((option) => option.setName('length').setDescription('How long (default: short)').addChoices(...LENGTH_CHOICES))

export const summaryCommand: CommandModule = {
  data: withAudienceOptions(builder).toJSON(),
  execute(input, { engine }) {
    return summaryMessage(engine.summary({ length: summaryLength(stringOption(input, 'length', 'short')) }), audienceOf(input))
  },
}
