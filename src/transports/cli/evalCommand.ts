import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { evalSetSchema, evaluate, formatReport } from '../../evaluation/evalSet.ts'
import { engineFromEnvironment, parseCommandLine, runCli, UsageError, writeJson, type CliIO } from './runCli.ts'

const USAGE = 'npm run eval -- [--json] [file.json]   (default: ../shared/eval/dev.json)'
/** The development set lives beside the project, not in it: only this default points outside. */
const DEFAULT_EVAL_FILE = fileURLToPath(new URL('../../../../shared/eval/dev.json', import.meta.url))

export function evalCommand(argv: string[], io: CliIO): void {
  const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean', default: false } }, USAGE)
  if (positionals.length > 1) throw new UsageError(`one evaluation file at most — usage: ${USAGE}`)
  const file = positionals[0] ?? DEFAULT_EVAL_FILE
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new UsageError(`cannot read evaluation file ${file}: ${(error as Error).message.split('\n')[0]}`)
  }
  const parsed = evalSetSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`${file}: field "${issue?.path.join('.')}": ${issue?.message}`)
  }
  const report = evaluate(engineFromEnvironment(), parsed.data)
  if (values.json) writeJson(io, report)
  else io.stdout.write(`Evaluation of ${file}\n${formatReport(report)}\n`)
}

await runCli(evalCommand)
