import type { AutocompleteInput, ButtonInput, CommandInput, Invocation, OptionValue } from '../../interactions/types.ts'

/** The parts of Discord's interaction payload the handlers' inputs are made from. */
export interface RawInteraction {
  id: string
  application_id: string
  type: number
  token: string
  guild_id?: string
  channel_id?: string
  channel?: { id: string }
  locale?: string
  app_permissions?: string
  member?: { permissions?: string; user?: { id: string; username: string } }
  user?: { id: string; username: string }
  data?: {
    name?: string
    custom_id?: string
    options?: Array<{ name: string; type: number; value?: unknown; focused?: boolean }>
  }
  message?: { flags?: number; embeds?: Array<{ author?: { name?: string } }> }
}

const EPHEMERAL = 1 << 6

function bitfield(value: string | undefined): bigint | null {
  return value !== undefined && /^\d+$/.test(value) ? BigInt(value) : null
}

/** The same plain facts the gateway transport hands to handlers, read from the raw payload. */
function invocationOf(raw: RawInteraction): Invocation {
  const user = raw.member?.user ?? raw.user ?? { id: '0', username: 'unknown' }
  return {
    user: { id: user.id, username: user.username },
    guildId: raw.guild_id ?? null,
    channelId: raw.channel?.id ?? raw.channel_id ?? null,
    memberPermissions: bitfield(raw.member?.permissions),
    appPermissions: raw.guild_id ? bitfield(raw.app_permissions) : null,
    locale: raw.locale ?? 'en-US',
  }
}

function optionValues(raw: RawInteraction): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {}
  for (const option of raw.data?.options ?? []) {
    if (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean') values[option.name] = option.value
  }
  return values
}

export function commandInputOf(raw: RawInteraction): CommandInput {
  return { ...invocationOf(raw), commandName: raw.data?.name ?? '', options: optionValues(raw) }
}

export function autocompleteInputOf(raw: RawInteraction): AutocompleteInput {
  const focused = raw.data?.options?.find((option) => option.focused)
  return {
    ...invocationOf(raw),
    commandName: raw.data?.name ?? '',
    focused: { name: focused?.name ?? '', value: String(focused?.value ?? '') },
    options: optionValues(raw),
  }
}

export function buttonInputOf(raw: RawInteraction): ButtonInput {
  return {
    ...invocationOf(raw),
    customId: raw.data?.custom_id ?? '',
    messageEphemeral: ((raw.message?.flags ?? 0) & EPHEMERAL) !== 0,
    messageEmbedAuthor: raw.message?.embeds?.[0]?.author?.name ?? null,
  }
}
