import { createInterface } from 'node:readline'
import type { EngineSource } from '../../live/liveCorpus.ts'
import { consoleReply } from './consoleReply.ts'

export interface ConsoleStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean }
  output: NodeJS.WritableStream
}

/**
 * The local console: the bot's answers in a terminal. With a TTY it prompts;
 * with piped input it answers each line and ends at end of input.
 */
export async function runConsole(engines: EngineSource, { input, output }: ConsoleStreams, banner?: string): Promise<void> {
  const interactive = Boolean(input.isTTY)
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity })
  if (banner) output.write(`${banner}\n`)
  if (interactive) {
    lines.setPrompt('> ')
    lines.prompt()
  }
  for await (const line of lines) {
    const reply = consoleReply(engines.current(), line)
    if (reply.output) output.write(`${reply.output}\n\n`)
    if (reply.exit) break
    if (interactive) lines.prompt()
  }
  lines.close()
}
