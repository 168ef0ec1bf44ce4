import { prepareWordVectors } from '../src/semantics/sharedVectors.ts'

/**
 * Before any test: the word-vector cache, built from the installed package
 * when missing or stale (once per machine), so that engines in tests match
 * the running bot's.
 */
export default async function setup(): Promise<void> {
  await prepareWordVectors((line) => process.stderr.write(`${line}\n`))
}
