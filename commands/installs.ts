import { ApplicationIntegrationType, InteractionContextType } from 'discord.js'

/**
 * Where a command can be used. Read-only commands that only answer the
 * interaction work from a user install too (in DMs, group DMs and servers the
 * bot is not in); commands that act in a server (pins, its articles) need the
 * bot installed there.
 */
export const ANSWERS_ANYWHERE = {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
  integrationTypes: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
} as const

export const NEEDS_THE_BOT_IN_THE_SERVER = {
  contexts: [InteractionContextType.Guild],
  integrationTypes: [ApplicationIntegrationType.GuildInstall],
} as const
