import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js'
import { insightsCsv } from '../src/insights/insightsCsv.ts'
import { buildInsightsReport, INSIGHTS_PERIODS, type InsightsPeriod } from '../src/insights/insightsReport.ts'
import type { CommandInput, CommandModule, HandlerContext } from '../src/interactions/types.ts'
import { stringOption } from '../src/interactions/options.ts'
import type { BotMessage } from '../src/presenters/discord/botMessage.ts'
import { insightsMessage } from '../src/presenters/discord/insightsMessage.ts'
import { notice } from '../src/presenters/discord/notice.ts'
import { sharedWordVectors } from '../src/semantics/sharedVectors.ts'
import { storageOffReason } from '../src/storage/noStorage.ts'
import { NEEDS_THE_BOT_IN_THE_SERVER } from './installs.ts'

const builder = new SlashCommandBuilder()
  .setName('insights')
  .setDescription('Moderators: what people asked that the articles could not answer, answers voted down, usage')
  // A server's own activity, for its moderators: guild install, in the server only.
  .setContexts(...NEEDS_THE_BOT_IN_THE_SERVER.contexts)
  .setIntegrationTypes(...NEEDS_THE_BOT_IN_THE_SERVER.integrationTypes)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addIntegerOption((option) =>
    option
      .setName('period')
      .setDescription('How far back (default: 7 days)')
      .addChoices(...INSIGHTS_PERIODS.map((days) => ({ name: `${days} days`, value: days }))),
  )
  .addStringOption((option) =>
    option
      .setName('format')
      .setDescription('text (default), or csv to attach the same as a file')
      .addChoices({ name: 'text', value: 'text' }, { name: 'csv', value: 'csv' }),
  )

/** Manage Server, or Administrator (which Discord counts as every permission). */
export function canSeeInsights(permissions: bigint | null): boolean {
  if (permissions === null) return false
  return (permissions & PermissionFlagsBits.Administrator) !== 0n || (permissions & PermissionFlagsBits.ManageGuild) !== 0n
}

function periodOf(input: CommandInput): InsightsPeriod {
  const value = input.options.period
  return INSIGHTS_PERIODS.find((days) => days === value) ?? 7
}

async function insights(input: CommandInput, context: HandlerContext): Promise<BotMessage> {
  if (input.guildId === null) return notice('`/insights` works only in a server: it shows that server’s activity.')
  // The default permission can be changed by a server's admins: the handler decides for itself.
  if (!canSeeInsights(input.memberPermissions)) return notice('`/insights` is for moderators: it needs the **Manage Server** permission.')
  const storage = context.storage
  const off = storageOffReason(storage)
  if (!storage || off) return notice(`Insights are off: nothing is being stored (${off}). The bot keeps answering; ask the operator to check its database.`)
  const days = periodOf(input)
  const now = context.now?.() ?? new Date()
  const report = await buildInsightsReport(storage, { guildId: input.guildId, days, now, passage: (id) => context.engine.passage(id), meaning: sharedWordVectors() })
  if (stringOption(input, 'format', 'text') !== 'csv') return insightsMessage(report)
  const name = `insights-${days}d-${now.toISOString().slice(0, 10)}.csv`
  return insightsMessage(report, { name, data: Buffer.from(insightsCsv(report), 'utf8') })
}

export const insightsCommand: CommandModule = {
  data: builder.toJSON(),
  // Deferred and ephemeral: the report reads the database, and a CSV travels as a file on the edit.
  defer: { ephemeral: true },
  execute: insights,
}
