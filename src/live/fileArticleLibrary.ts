import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { GUILDS_FOLDER, SLUG } from '../corpus/loadCorpus.ts'
import type { Engine } from '../engine/engine.ts'
import { FETCH_DEFAULTS, fetchArticleSource, type FetchPolicy } from '../fetch/fetchArticleSource.ts'
import type { ArticleLibrary, StagedArticle } from '../interactions/articleLibrary.ts'
import type { LiveCorpus } from './liveCorpus.ts'

/** Previews waiting for Add live here: a dot folder, which the corpus never reads. */
const STAGING_FOLDER = '.staging'
/** A preview's Add button works this long. */
const STAGED_FOR_MS = 15 * 60_000
const GUILD_ID = /^\d{17,20}$/
const STAGE_ID = /^[0-9a-f]{16}$/

const stagedSchema = z.object({ guildId: z.string().regex(GUILD_ID), userId: z.string(), slug: z.string().regex(SLUG), markdown: z.string() })

/** Attachments may also be Markdown files. */
const ATTACHMENT_TYPES = [...FETCH_DEFAULTS.contentTypes, 'text/markdown', 'text/x-markdown']

/**
 * The library over the corpus folder: a server's articles in
 * `guilds/<guild id>/<slug>.md`, previews in `.staging/`. Every path is built
 * from checked ids and slugs only, so nothing a user types can reach outside.
 */
export function fileArticleLibrary(corpusDir: string, corpus: LiveCorpus, policy: FetchPolicy): ArticleLibrary {
  const staging = join(corpusDir, STAGING_FOLDER)
  const guildFile = (guildId: string, slug: string) => {
    if (!GUILD_ID.test(guildId) || !SLUG.test(slug)) throw new Error('invalid guild id or slug')
    return join(corpusDir, GUILDS_FOLDER, guildId, `${slug}.md`)
  }
  const expireOld = async () => {
    const names = await readdir(staging).catch(() => [] as string[])
    for (const name of names) {
      const path = join(staging, name)
      const stats = await stat(path).catch(() => null)
      if (stats && Date.now() - stats.mtimeMs > STAGED_FOR_MS) await rm(path, { force: true })
    }
  }
  return {
    fetch: (url, kind) => fetchArticleSource(url, kind === 'attachment' ? { ...policy, contentTypes: ATTACHMENT_TYPES } : policy),
    async stage(article) {
      await mkdir(staging, { recursive: true })
      await expireOld()
      const id = randomBytes(8).toString('hex')
      await writeFile(join(staging, `${id}.json`), JSON.stringify(article), { flag: 'wx' })
      return id
    },
    async staged(id) {
      if (!STAGE_ID.test(id)) return null
      const path = join(staging, `${id}.json`)
      const stats = await stat(path).catch(() => null)
      if (!stats || Date.now() - stats.mtimeMs > STAGED_FOR_MS) return null
      const parsed = stagedSchema.safeParse(JSON.parse(await readFile(path, 'utf8')))
      return parsed.success ? ({ id, ...parsed.data } satisfies StagedArticle) : null
    },
    async discard(id) {
      if (STAGE_ID.test(id)) await rm(join(staging, `${id}.json`), { force: true })
    },
    async add(guildId, slug, markdown) {
      const path = guildFile(guildId, slug)
      await mkdir(join(corpusDir, GUILDS_FOLDER, guildId), { recursive: true })
      try {
        // "wx": never replaces a file that is already there.
        await writeFile(path, markdown, { flag: 'wx' })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists'
        throw error
      }
      corpus.schedule()
      return 'added'
    },
    async remove(guildId, slug) {
      try {
        await unlink(guildFile(guildId, slug))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
        throw error
      }
      corpus.schedule()
      return 'removed'
    },
    async waitUntil(ready: (engine: Engine) => boolean, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs
      while (!ready(corpus.current())) {
        if (Date.now() > deadline) return false
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      return true
    },
  }
}
