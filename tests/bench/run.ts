import { prepareWordVectors } from '../../src/semantics/sharedVectors.ts'
import { runColdStartBench } from './coldStartBench.ts'
import { runEngineBench } from './engineBench.ts'
import { runNormaliseBench } from './normaliseBench.ts'
import { runVectorsBench } from './vectorsBench.ts'

/**
 * `npm run bench`: latency (median and p99) of every user-facing operation,
 * each next to a baseline measured in the same run, with the targets.
 * `--engine-only` skips the end-to-end part that starts the bot; `--no-live`
 * skips the live-corpus reload timings (about two minutes at 1,000 articles).
 */
const lines: string[] = [`node ${process.version}, ${new Date().toISOString()}`, '']
const print = () => {
  process.stdout.write(`${lines.join('\n')}\n`)
  lines.length = 0
}
await prepareWordVectors((line) => lines.push(line))
const { askStats } = runEngineBench(lines)
print()
runColdStartBench(lines)
print()
await runVectorsBench(lines, { coldBuild: true })
print()
runNormaliseBench(lines)
print()
const { runStorageBench } = await import('./storageBench.ts')
lines.push('')
await runStorageBench(lines)
print()
if (!process.argv.includes('--no-live')) {
  const { runLiveReloadBench } = await import('./liveReloadBench.ts')
  lines.push('')
  await runLiveReloadBench(lines)
  print()
}
if (!process.argv.includes('--engine-only')) {
  const { runEndToEndBench } = await import('./endToEndBench.ts')
  lines.push('')
  await runEndToEndBench(lines, askStats)
  print()
  const { runProductionBench } = await import('./productionBench.ts')
  lines.push('')
  await runProductionBench(lines)
  print()
}
