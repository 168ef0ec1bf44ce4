import { SlashCommandBuilder } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { helpCommandFor } from '../../commands/help.ts'
import { commands } from '../../commands/index.ts'
import type { CommandModule } from '../../src/interactions/types.ts'
import type { BotMessage } from '../../src/presenters/discord/botMessage.ts'
import { ARTICLE_TITLE, commandInput, handlerContext } from './support.ts'

function helpText(registry: readonly CommandModule[] = commands): { description: string; articles: string; reply: BotMessage } {
  const reply = helpCommandFor(() => registry).execute(commandInput('help'), handlerContext()) as BotMessage
  return { description: reply.embeds[0]?.description ?? '', articles: reply.embeds[0]?.fields?.[0]?.value ?? '', reply }
}

describe('/help', () => {
  it('GIVEN the registry THEN every registered command appears, each with one example, and the reply is ephemeral', () => {
    const { description, reply } = helpText()
    expect(reply.ephemeral).toBe(true)
    for (const command of commands) {
      const name = command.data.type === 3 ? `Apps → ${command.data.name}` : `/${command.data.name}`
      expect(description, name).toContain(`**${name}**`)
    }
    expect(description.match(/e\.g\. `/g)).toHaveLength(commands.length)
    // Moderator commands say so.
    expect(description).toMatch(/\*\*\/pin-summary\*\* \*\(moderators\)\*/)
    expect(description).toMatch(/\*\*\/article\*\* \*\(moderators\)\*/)
    expect(description).not.toMatch(/\*\*\/ask\*\* \*\(moderators\)\*/)
  })

  it('GIVEN a command added to the registry THEN /help names it without being edited (it is built from the registry)', () => {
    const extra: CommandModule = { data: new SlashCommandBuilder().setName('brand-new').setDescription('Does a new thing').toJSON(), execute: () => ({ embeds: [], components: [], mentionUsers: [], ephemeral: true }) }
    const { description } = helpText([...commands, extra])
    expect(description).toContain('**/brand-new** — Does a new thing')
    expect(description).toContain('e.g. `/brand-new`')
  })

  it('GIVEN the corpus THEN the articles in scope are listed by title', () => {
    expect(helpText().articles).toContain(ARTICLE_TITLE)
  })
})
