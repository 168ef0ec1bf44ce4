import { passageLocation } from '../presenters/citation.ts'
import type { InsightsReport } from './insightsReport.ts'

export const CSV_COLUMNS = ['section', 'rank', 'item', 'count', 'up', 'down', 'where', 'detail'] as const

/**
 * One CSV field. Questions are user text: a leading = + - @ (or tab/CR) would
 * run as a formula in a spreadsheet, so such a field is prefixed with '.
 */
export function csvField(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The report as one CSV table (RFC 4180, CRLF line ends): a section column tells its three lists apart. */
export function insightsCsv(report: InsightsReport): string {
  const rows: Array<Array<string | number>> = [[...CSV_COLUMNS]]
  report.unanswered.forEach((group, index) => {
    const articles = group.articles.map((article) => article ?? 'all').join(' | ')
    const wordings = group.wordings.map((wording) => `${wording.question} (${wording.count})`).join(' | ')
    rows.push(['unanswered', index + 1, group.question, group.count, '', '', articles, wordings])
  })
  report.downvoted.forEach((answer, index) => {
    rows.push(['downvoted', index + 1, answer.passageId, answer.up + answer.down, answer.up, answer.down, answer.passage ? passageLocation(answer.passage) : 'no longer in the corpus', answer.passage?.text ?? ''])
  })
  report.commands.forEach((command, index) => rows.push(['command', index + 1, command.command, command.count, '', '', '', '']))
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`
}
