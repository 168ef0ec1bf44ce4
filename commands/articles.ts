import { SlashCommandBuilder } from 'discord.js'
import type { CommandModule } from '../src/interactions/types.ts'
import { articlesMessage } from '../src/presenters/discord/articlesMessage.ts'
import { articlesIn } from './articleOption.ts'
import { ANSWERS_ANYWHERE } from './installs.ts'

const PREFIX = 'articles'

/** Stateless page buttons: `articles:<page>`; the list is read again for the server that clicks. */
export function articlesPageId(page: number): string {
  return `${PREFIX}:${page}`
}

const builder = new SlashCommandBuilder()
  .setName('articles')
  .setDescription('List the articles I can quote: title, outlet, date, link, slug and who is quoted')
  .setContexts(...ANSWERS_ANYWHERE.contexts)
  .setIntegrationTypes(...ANSWERS_ANYWHERE.integrationTypes)
  .addBooleanOption((option) => option.setName('hide').setDescription('Show the list only to you'))

export const articlesCommand: CommandModule = {
  help: { example: '/articles hide: True' },
  data: builder.toJSON(),
  execute(input, { engine }) {
    return articlesMessage(articlesIn(engine, input), 0, articlesPageId, { ephemeral: input.options.hide === true })
  },
  buttons: {
    prefix: PREFIX,
    handle(input, { engine }) {
      const page = Number(/^articles:(-?\d+)$/.exec(input.customId)?.[1] ?? Number.NaN)
      if (!Number.isInteger(page)) return { kind: 'reply', message: articlesMessage(articlesIn(engine, input), 0, articlesPageId, { ephemeral: true }) }
      return { kind: 'update', message: articlesMessage(articlesIn(engine, input), page, articlesPageId, { ephemeral: input.messageEphemeral }) }
    },
  },
}
