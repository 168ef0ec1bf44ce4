import type { CommandModule } from '../src/interactions/types.ts'
import { articleCommand } from './article.ts'
import { articlesCommand } from './articles.ts'
import { askCommand } from './ask.ts'
import { insightsCommand } from './insights.ts'
import { pinSummaryCommand } from './pinSummary.ts'
import { quoteCommand } from './quote.ts'
import { summaryCommand } from './summary.ts'

/** Every slash command, in the order Discord lists them. */
export const commands: readonly CommandModule[] = [askCommand, quoteCommand, summaryCommand, pinSummaryCommand, articlesCommand, articleCommand, insightsCommand]

/** The registration payload: one bulk PUT of all definitions. */
export function commandDefinitions() {
  return commands.map((command) => command.data)
}
