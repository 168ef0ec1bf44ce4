/**
 * One cold start, in a fresh process (run by coldStartBench.ts): the bot's
 * own start-up work up to the engine answering its first question, timed
 * from the process's start. Prints one JSON line.
 */
const mode = process.argv[2] ?? 'engine'
const importsDone = { at: 0 }
if (mode === 'baseline') {
  const { default: MiniSearch } = await import('minisearch')
  const { loadCorpus } = await import('../../src/corpus/loadCorpus.ts')
  const { DEFAULT_CORPUS_DIR } = await import('../../src/config/paths.ts')
  importsDone.at = performance.now()
  const started = performance.now()
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] })
  search.addAll(loadCorpus(DEFAULT_CORPUS_DIR).flatMap((article) => article.paragraphs).map((paragraph, id) => ({ id, text: paragraph.text })))
  search.search('Who criticised Pakistan?')
  process.stdout.write(`${JSON.stringify({ totalMs: performance.now(), workMs: performance.now() - started, rssMb: process.memoryUsage().rss / 2 ** 20 })}\n`)
} else {
  const { prepareWordVectors } = await import('../../src/semantics/sharedVectors.ts')
  const { loadEngine } = await import('../../src/loadEngine.ts')
  const { DEFAULT_CORPUS_DIR } = await import('../../src/config/paths.ts')
  importsDone.at = performance.now()
  const started = performance.now()
  await prepareWordVectors(() => {})
  const vectorsMs = performance.now() - started
  const engine = loadEngine(DEFAULT_CORPUS_DIR)
  engine.ask('Who criticised Pakistan’s stance?')
  process.stdout.write(
    `${JSON.stringify({ totalMs: performance.now(), workMs: performance.now() - started, vectorsMs, importMs: importsDone.at, rssMb: process.memoryUsage().rss / 2 ** 20 })}\n`,
  )
}
