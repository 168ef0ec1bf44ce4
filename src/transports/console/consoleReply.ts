import { z } from 'zod'
import type { Engine } from '../../engine/engine.ts'
import { askText, HELP_TEXT, quoteText, speakersText, summaryText } from '../../presenters/text.ts'

export interface ConsoleReply {
  output: string
  /** The person asked to leave. */
  exit?: boolean
}

const lengthSchema = z.enum(['short', 'full'])

/**
 * What the console answers to one typed line: the bot's commands in text form.
 * Pure, so the console's behaviour is tested without a terminal.
 */
export function consoleReply(engine: Engine, line: string): ConsoleReply {
  const input = line.trim()
  if (input === '') return { output: '' }
  const command = /^\/(\S+)\s*(.*)$/s.exec(input)
  if (!command) return { output: askText(engine.ask(input)) }
  const [, name = '', argument = ''] = command
  switch (name.toLowerCase()) {
    case 'ask':
      return { output: askText(engine.ask(argument)) }
    case 'quote':
      return { output: quoteText(engine.quote(argument)) }
    case 'summary': {
      const length = lengthSchema.safeParse(argument.trim() || 'short')
      if (!length.success) return { output: `Summary length is "short" or "full", not "${argument.trim()}".` }
      return { output: summaryText(engine.summary({ length: length.data })) }
    }
    case 'speakers':
      return { output: speakersText(engine.speakers()) }
    case 'help':
      return { output: HELP_TEXT }
    case 'exit':
    case 'quit':
      return { output: 'Bye.', exit: true }
    default:
      return { output: `Unknown command /${name}. ${HELP_TEXT}` }
  }
}
