import { watch, type FSWatcher } from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { Article } from '../corpus/article.ts'
import { loadCorpus, readCorpus, type ArticleCache } from '../corpus/loadCorpus.ts'
import { visibleArticles } from '../engine/articleInfo.ts'
import { createEngine, createEngineAsync, type Engine, type EngineOptions } from '../engine/engine.ts'

/** Where each interaction gets its engine: it takes one at the start and keeps it to the end. */
export interface EngineSource {
  current(): Engine
}

export interface ReloadReport {
  /** False when nothing usable was found and the previous engine kept serving. */
  swapped: boolean
  articles: number
  /** Problems not reported by the previous reload: one line each, naming the file and the field. */
  newProblems: string[]
  buildMs: number
}

export interface LiveCorpusOptions {
  engine?: EngineOptions
  /** One line per bad file, at start-up and whenever a reload finds a new problem. */
  onProblem?: (problem: string) => void
  onReload?: (report: ReloadReport) => void
  /** Changes closer together than this make one rebuild. Default 100 ms. */
  debounceMs?: number
  /** A rescan this often as a safety net where file events are lost (network file systems). Default 5 s; 0: none. */
  pollMs?: number
  /**
   * Builds the engine over the articles read. Default `createEngine`, which is
   * synchronous: at 1,000 articles it holds the event loop for seconds. A builder
   * that yields between indexing chunks can be given here without other changes.
   */
  build?: (articles: Article[], options: EngineOptions | undefined) => Engine | Promise<Engine>
}

/**
 * The corpus folder, live: files added, changed or removed (by hand or by
 * `/article`) are read again and a new engine is built off the request path,
 * then swapped in by one assignment. An interaction that already took the old
 * engine finishes on it. Unchanged files are not parsed again.
 */
export class LiveCorpus implements EngineSource {
  #engine: Engine
  readonly #cache: ArticleCache = new Map()
  readonly #options: LiveCorpusOptions
  #problems = new Set<string>()
  #watcher: FSWatcher | null = null
  #poll: NodeJS.Timeout | null = null
  #timer: NodeJS.Timeout | null = null
  #stamp = ''
  #closed = false
  #reportedEmpty = false
  #building: Promise<ReloadReport> | null = null
  #again = false

  /** Loads the corpus once (synchronously: nothing is served yet); a missing or empty corpus throws (start-up must stop). */
  constructor(
    readonly directory: string,
    options: LiveCorpusOptions = {},
  ) {
    this.#options = options
    const articles = loadCorpus(directory, (problem) => this.#report(problem), this.#cache)
    this.#engine = createEngine(articles, { analysisCache: true, ...options.engine })
    warm(this.#engine)
    this.#stamp = stampOf(articles)
  }

  current(): Engine {
    return this.#engine
  }

  /** Starts watching the folder (and `guilds/<id>/` below it). */
  watch(): this {
    try {
      this.#watcher = watch(this.directory, { recursive: true }, (_event, file) => {
        // The preview store and editors' temporary files are not articles.
        if (file && /(^|\/)\.|~$|\.swp$/.test(file)) return
        this.schedule()
      })
      this.#watcher.on('error', () => this.schedule())
    } catch {
      // No file events here: the rescan below still notices changes.
    }
    const pollMs = this.#options.pollMs ?? 5_000
    if (pollMs > 0) {
      this.#poll = setInterval(() => this.schedule(), pollMs)
      this.#poll.unref()
    }
    return this
  }

  /** A rebuild soon, after the burst of events one file write makes. */
  schedule(): void {
    if (this.#closed || this.#timer) return
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.reload()
    }, this.#options.debounceMs ?? 100)
    this.#timer.unref()
  }

  /**
   * Reads the folder again and swaps in a new engine if anything changed. One
   * rebuild at a time: a change that lands meanwhile makes one more afterwards.
   */
  reload(): Promise<ReloadReport> {
    if (this.#building) {
      this.#again = true
      return this.#building
    }
    this.#building = this.#rebuild().finally(() => {
      this.#building = null
      if (this.#again) {
        this.#again = false
        this.schedule()
      }
    })
    return this.#building
  }

  async #rebuild(): Promise<ReloadReport> {
    const started = performance.now()
    let articles: Article[]
    let problems: string[]
    try {
      ;({ articles, problems } = readCorpus(this.directory, this.#cache))
    } catch (error) {
      problems = [(error as Error).message]
      articles = []
    }
    const newProblems = problems.filter((problem) => !this.#problems.has(problem))
    this.#problems = new Set(problems)
    for (const problem of newProblems) this.#options.onProblem?.(problem)
    if (articles.length > 0) this.#reportedEmpty = false
    let swapped = false
    const stamp = stampOf(articles)
    if (articles.length === 0) {
      if (!this.#reportedEmpty) this.#options.onProblem?.(`${this.directory}: no usable article; the previous corpus keeps serving`)
      this.#reportedEmpty = true
    } else if (stamp !== this.#stamp) {
      // An asynchronous builder (one that yields while indexing) keeps the event loop free meanwhile.
      const next = await (this.#options.build ?? createEngineAsync)(articles, { analysisCache: true, ...this.#options.engine })
      warm(next)
      if (!this.#closed) {
        // The swap: one assignment. Interactions that already took the old engine keep it.
        this.#engine = next
        this.#stamp = stamp
        swapped = true
      }
    }
    const report = { swapped, articles: articles.length, newProblems, buildMs: Math.round(performance.now() - started) }
    if (swapped) this.#options.onReload?.(report)
    return report
  }

  close(): void {
    this.#closed = true
    this.#watcher?.close()
    if (this.#poll) clearInterval(this.#poll)
    if (this.#timer) clearTimeout(this.#timer)
  }

  #report(problem: string): void {
    this.#problems.add(problem)
    this.#options.onProblem?.(problem)
  }
}

/**
 * What the first requests after a swap would otherwise compute: article
 * metadata, and each server's scope (its vocabulary and quotations), here,
 * off the request path.
 */
function warm(engine: Engine): void {
  const infos = engine.articles()
  for (const owner of new Set(infos.flatMap((info) => (info.owner === null ? [] : [info.owner])))) engine.prepare({ articles: visibleArticles(infos, owner) })
}

/** Articles are reused from the cache while unchanged, so identity says whether a rebuild is needed. */
const ids = new WeakMap<Article, number>()
let nextId = 0
function stampOf(articles: Article[]): string {
  return articles
    .map((article) => {
      let id = ids.get(article)
      if (id === undefined) ids.set(article, (id = nextId++))
      return id
    })
    .join(',')
}

/** An engine that never changes, for callers that do not watch (tests, one-shot tools). */
export function fixedEngine(engine: Engine): EngineSource {
  return { current: () => engine }
}
