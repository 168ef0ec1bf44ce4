import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type CommandInteractionOption } from 'discord.js'
import type { AutocompleteInput, ButtonInput, CommandInput, Invocation, OptionValue } from '../../interactions/types.ts'

type AnyInteraction = ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction

/** The plain facts of an interaction that handlers may use. */
function invocationOf(interaction: AnyInteraction): Invocation {
  return {
    user: { id: interaction.user.id, username: interaction.user.username },
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    memberPermissions: interaction.memberPermissions?.bitfield ?? null,
    appPermissions: interaction.guildId ? (interaction.appPermissions?.bitfield ?? null) : null,
    locale: interaction.locale,
  }
}

function optionValues(options: readonly CommandInteractionOption[]): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {}
  for (const option of options) {
    if (option.user) values[option.name] = option.user.id
    else if (option.value !== undefined && option.value !== null) values[option.name] = option.value
  }
  return values
}

export function commandInputOf(interaction: ChatInputCommandInteraction): CommandInput {
  return { ...invocationOf(interaction), commandName: interaction.commandName, options: optionValues(interaction.options.data) }
}

export function autocompleteInputOf(interaction: AutocompleteInteraction): AutocompleteInput {
  // Discord always marks one option as focused; a payload without one gets empty choices, not an error.
  const focused = interaction.options.data.find((option) => option.focused)
  return {
    ...invocationOf(interaction),
    commandName: interaction.commandName,
    focused: { name: focused?.name ?? '', value: String(focused?.value ?? '') },
    options: optionValues(interaction.options.data),
  }
}

export function buttonInputOf(interaction: ButtonInteraction): ButtonInput {
  return {
    ...invocationOf(interaction),
    customId: interaction.customId,
    messageEphemeral: interaction.message.flags.has(MessageFlags.Ephemeral),
    messageEmbedAuthor: interaction.message.embeds[0]?.author?.name ?? null,
  }
}
