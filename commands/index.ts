import type { CommandModule } from '../src/interactions/types.ts'
import { articleCommand } from './article.ts'
import { articlesCommand } from './articles.ts'
import { askCommand } from './ask.ts'
import { checkCommand } from './check.ts'
import { helpCommandFor } from './help.ts'
import { insightsCommand } from './insights.ts'
import { pinSummaryCommand } from './pinSummary.ts'
import { quoteCommand } from './quote.ts'
import { summaryCommand } from './summary.ts'

/** Every command (slash commands in the order Discord lists them, then the message command). */
export const commands: readonly CommandModule[] = [
  askCommand,
  quoteCommand,
  summaryCommand,
  pinSummaryCommand,
  articlesCommand,
  articleCommand,
  insightsCommand,
  // /help reads this very list, so it always names every command.
  helpCommandFor(() => commands),
  checkCommand,
]

/** The registration payload: one bulk PUT of all definitions. */
export function commandDefinitions() {
  return commands.map((command) => command.data)
}
