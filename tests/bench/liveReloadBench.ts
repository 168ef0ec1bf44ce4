import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Article } from '../../src/corpus/article.ts'
import { articleMarkdown } from '../../src/corpus/import/importArticle.ts'
import { loadCorpus } from '../../src/corpus/loadCorpus.ts'
import { createEngine } from '../../src/engine/engine.ts'
import { LiveCorpus } from '../../src/live/liveCorpus.ts'
import { row, summarise, type Stats } from './stats.ts'
import { syntheticCorpus } from './syntheticCorpus.ts'

const SOURCE = readFileSync(new URL('../../corpus/istanbul-talks.md', import.meta.url), 'utf8')

/** A new article with words no other article has, so an answer from it is unambiguous. */
function landingArticle(run: number): { article: Article; question: string } {
  const marker = `zorvath${run.toString(36)}`
  return {
    article: {
      slug: `landed-${run}`,
      title: `Harbour authority reopens the ${marker} terminal`,
      paragraphs: [
        { section: null, text: `The harbour authority reopened the ${marker} terminal on Tuesday after a six-week closure for repairs to its quay.` },
        { section: null, text: `Officials said the ${marker} terminal would handle grain and timber shipments from next month.` },
      ],
    },
    question: `When did the ${marker} terminal reopen?`,
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`not live within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

/**
 * From a file landing in the watched folder to an ask answered from it: file
 * event, debounce, re-read (unchanged files come from the cache), rebuild, swap.
 * Baseline, same run: building the engine over the same articles directly,
 * which is the least any reload must do.
 */
async function measure(articleCount: number, runs: number): Promise<{ landing: Stats; rebuild: Stats; blockedMs: number }> {
  const folder = mkdtempSync(join(tmpdir(), `bench-live-${articleCount}-`))
  try {
    for (const article of syntheticCorpus(articleCount, SOURCE)) writeFileSync(join(folder, `${article.slug}.md`), articleMarkdown(article))
    const corpus = new LiveCorpus(folder, { pollMs: 0 }).watch()
    const landing: number[] = []
    const rebuild: number[] = []
    // How long the event loop stood still while a reload ran (interactions wait that long):
    // the longest gap between ticks of a 5 ms heartbeat.
    let blockedMs = 0
    let lastTick = performance.now()
    const heartbeat = setInterval(() => {
      const now = performance.now()
      blockedMs = Math.max(blockedMs, now - lastTick)
      lastTick = now
    }, 5)
    for (let run = 0; run < runs; run++) {
      lastTick = performance.now()
      const { article, question } = landingArticle(run)
      const file = join(folder, `${article.slug}.md`)
      const started = performance.now()
      writeFileSync(file, articleMarkdown(article))
      await until(() => {
        const result = corpus.current().ask(question)
        return result.answered && result.passages[0]?.passage.articleSlug === article.slug
      }, 120_000)
      landing.push(performance.now() - started)
      const articles = loadCorpus(folder)
      globalThis.gc?.()
      const built = performance.now()
      createEngine(articles)
      rebuild.push(performance.now() - built)
      // The baseline's own stall is not a reload's: the heartbeat starts again from here (same tick).
      lastTick = performance.now()
      unlinkSync(file)
      await until(() => corpus.current().article(article.slug) === undefined, 120_000)
    }
    clearInterval(heartbeat)
    corpus.close()
    return { landing: summarise(landing), rebuild: summarise(rebuild), blockedMs }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

export async function runLiveReloadBench(lines: string[]): Promise<void> {
  lines.push('Live corpus: a file landing in CORPUS_DIR → an ask answered from it (watch, debounce 100 ms, rebuild, swap)')
  for (const [count, runs] of [
    [1, 15],
    [1000, 3],
  ] as const) {
    const { landing, rebuild, blockedMs } = await measure(count, runs)
    lines.push(row(`  landing → answered, ${count} article${count === 1 ? '' : 's'}`, landing, `event loop blocked at most ${Math.round(blockedMs)} ms`))
    lines.push(row(`    baseline: createEngine over ${count + 1}`, rebuild))
  }
}
