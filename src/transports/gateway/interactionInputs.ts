import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type CommandInteractionOption, type MessageContextMenuCommandInteraction } from 'discord.js'
import type { AttachmentInput, AutocompleteInput, ButtonInput, CommandInput, Invocation, MessageCommandInput, OptionValue } from '../../interactions/types.ts'
import { targetMessage } from '../../interactions/targetMessage.ts'

type AnyInteraction = ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction | MessageContextMenuCommandInteraction

/** The plain facts of an interaction that handlers may use. */
function invocationOf(interaction: AnyInteraction): Invocation {
  // Only a user install authorised it: the bot may not be in this server at all.
  const owners = interaction.authorizingIntegrationOwners
  const userInstallOnly = interaction.guildId !== null && owners?.guildId == null && owners?.userId != null
  return {
    ...(userInstallOnly ? { botInGuild: false } : {}),
    user: { id: interaction.user.id, username: interaction.user.username },
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    memberPermissions: interaction.memberPermissions?.bitfield ?? null,
    appPermissions: interaction.guildId ? (interaction.appPermissions?.bitfield ?? null) : null,
    locale: interaction.locale,
  }
}

/** A subcommand's options sit inside it: flattened, since handlers read them by name. */
function leafOptions(options: readonly CommandInteractionOption[]): readonly CommandInteractionOption[] {
  return options.flatMap((option) => (option.options && option.value === undefined ? leafOptions(option.options) : [option]))
}

function subcommandOf(options: readonly CommandInteractionOption[]): string | undefined {
  const sub = options.find((option) => option.type === 1 || option.type === 2)
  if (!sub) return undefined
  return sub.type === 2 ? (sub.options?.[0]?.name ?? sub.name) : sub.name
}

function attachmentsOf(options: readonly CommandInteractionOption[]): Record<string, AttachmentInput> {
  const found: Record<string, AttachmentInput> = {}
  for (const option of leafOptions(options)) {
    if (option.attachment) found[option.name] = { url: option.attachment.url, filename: option.attachment.name, size: option.attachment.size, contentType: option.attachment.contentType ?? null }
  }
  return found
}

function optionValues(all: readonly CommandInteractionOption[]): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {}
  for (const option of leafOptions(all)) {
    if (option.user) values[option.name] = option.user.id
    else if (option.value !== undefined && option.value !== null) values[option.name] = option.value
  }
  return values
}

export function commandInputOf(interaction: ChatInputCommandInteraction): CommandInput {
  const subcommand = subcommandOf(interaction.options.data)
  const attachments = attachmentsOf(interaction.options.data)
  return {
    ...invocationOf(interaction),
    commandName: interaction.commandName,
    ...(subcommand ? { subcommand } : {}),
    options: optionValues(interaction.options.data),
    ...(Object.keys(attachments).length > 0 ? { attachments } : {}),
  }
}

export function autocompleteInputOf(interaction: AutocompleteInteraction): AutocompleteInput {
  // Discord always marks one option as focused; a payload without one gets empty choices, not an error.
  const focused = leafOptions(interaction.options.data).find((option) => option.focused)
  const subcommand = subcommandOf(interaction.options.data)
  return {
    ...invocationOf(interaction),
    commandName: interaction.commandName,
    ...(subcommand ? { subcommand } : {}),
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
    messageId: interaction.message.id,
    messageEmbeds: interaction.message.embeds.map((embed) => embed.toJSON()),
  }
}

export function messageCommandInputOf(interaction: MessageContextMenuCommandInteraction, botUserId: string): MessageCommandInput {
  // discord.js builds the target from `data.resolved.messages`; null when Discord sent none.
  const message = interaction.options.getMessage('message')
  return {
    ...invocationOf(interaction),
    commandName: interaction.commandName,
    target: message
      ? targetMessage({ id: message.id, content: message.content, author: message.author, embedCount: message.embeds?.length ?? 0, attachmentCount: message.attachments?.size ?? 0 }, botUserId)
      : null,
  }
}
