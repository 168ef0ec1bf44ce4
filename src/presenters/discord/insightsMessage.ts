import type { InsightsReport } from '../../insights/insightsReport.ts'
import { passageLocation } from '../citation.ts'
import type { BotMessage } from './botMessage.ts'
import { fitMessage } from './fitMessage.ts'
import { escapeMarkdown } from './formatting.ts'
import { EMBED_COLOUR } from './limits.ts'
import { trimToLimit } from './trim.ts'

/** Lines per list: the embed stays readable, and the CSV has everything. */
export const SHOWN_QUESTIONS = 10
export const SHOWN_ANSWERS = 5
const QUESTION_CHARS = 120
const PASSAGE_CHARS = 140
const FIELD_CHARS = 1024

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

function quoted(text: string, limit: number): string {
  return `“${escapeMarkdown(trimToLimit(text.replace(/\s+/g, ' ').trim(), limit))}”`
}

/** Lines joined until the field is full; what did not fit is counted, never cut mid-line. */
function fieldValue(lines: string[], total: number, none: string): string {
  if (lines.length === 0) return none
  const kept: string[] = []
  let length = 0
  for (const line of lines) {
    if (length + line.length + 1 > FIELD_CHARS - 40) break
    kept.push(line)
    length += line.length + 1
  }
  const more = total - kept.length
  return more > 0 ? `${kept.join('\n')}\n…and ${more} more (format:csv has them all)` : kept.join('\n')
}

function questionLines(report: InsightsReport): string[] {
  return report.unanswered.slice(0, SHOWN_QUESTIONS).map((group, index) => {
    const others = group.wordings.filter((wording) => wording.question !== group.question)
    const also = others.length > 0 ? `\n   also asked as ${others.slice(0, 2).map((wording) => `${quoted(wording.question, 60)} (${wording.count})`).join(', ')}${others.length > 2 ? `, +${others.length - 2}` : ''}` : ''
    return `${index + 1}. ${quoted(group.question, QUESTION_CHARS)} — **${plural(group.count, 'time')}**${also}`
  })
}

function answerLines(report: InsightsReport): string[] {
  return report.downvoted.slice(0, SHOWN_ANSWERS).map((answer, index) => {
    const where = answer.passage ? `${escapeMarkdown(passageLocation(answer.passage))}: ${quoted(answer.passage.text, PASSAGE_CHARS)}` : `\`${answer.passageId}\` (no longer in the corpus)`
    return `${index + 1}. **${answer.down} 👎** · ${answer.up} 👍 — ${where}`
  })
}

function commandLine(report: InsightsReport): string {
  if (report.commands.length === 0) return 'No commands used.'
  return report.commands.map((command) => `\`${command.command.includes(' ') ? command.command : `/${command.command}`}\` ${command.count}`).join(' · ')
}

/** /insights as an ephemeral embed: three lists for the guild and period, and the CSV when asked for. */
export function insightsMessage(report: InsightsReport, csv?: { name: string; data: Buffer }): BotMessage {
  const total = report.unanswered.reduce((sum, group) => sum + group.count, 0)
  return fitMessage({
    embeds: [
      {
        title: `Insights · the last ${report.days} days`,
        color: EMBED_COLOUR,
        description: `${plural(total, 'unanswered question')} (${plural(report.unanswered.length, 'group')}), ${plural(report.downvoted.length, 'answer')} voted down. Only this server’s activity; no user names are kept.`,
        fields: [
          { name: 'Most-asked unanswered questions', value: fieldValue(questionLines(report), report.unanswered.length, 'None: every question found an answer.') },
          { name: 'Answers with the most 👎', value: fieldValue(answerLines(report), report.downvoted.length, 'No answer was voted down.') },
          { name: 'Usage by command', value: trimToLimit(commandLine(report), FIELD_CHARS) },
        ],
        footer: { text: `${report.since.toISOString().slice(0, 10)} to ${report.until.toISOString().slice(0, 10)}${csv ? ' · the same as CSV attached' : ''}` },
      },
    ],
    components: [],
    mentionUsers: [],
    ephemeral: true,
    ...(csv ? { files: [csv] } : {}),
  })
}
