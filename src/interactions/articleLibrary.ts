import type { Engine } from '../engine/engine.ts'
import type { FetchedSource } from '../fetch/fetchArticleSource.ts'

/** An article prepared by `/article add`, waiting for its preview's Add button. */
export interface StagedArticle {
  id: string
  guildId: string
  /** Who asked: only they can confirm. */
  userId: string
  slug: string
  /** The file as it will be written, in the corpus format. */
  markdown: string
}

/**
 * The corpus as `/article` changes it, whatever the transport: fetching
 * (a security boundary: refusals are `FetchRefusal`s), the preview store,
 * and a server's own folder `guilds/<guild id>/`.
 */
export interface ArticleLibrary {
  /** A page the user linked, or an attachment from the URL Discord gave; same caps. */
  fetch(url: string, kind: 'page' | 'attachment'): Promise<FetchedSource>
  stage(article: Omit<StagedArticle, 'id'>): Promise<string>
  /** Null when unknown or expired. */
  staged(id: string): Promise<StagedArticle | null>
  discard(id: string): Promise<void>
  /** Writes `guilds/<guildId>/<slug>.md`; never replaces a file that is there ('exists'). */
  add(guildId: string, slug: string, markdown: string): Promise<'added' | 'exists'>
  /** Deletes a server's own article file; shared files are out of its reach. */
  remove(guildId: string, slug: string): Promise<'removed' | 'missing'>
  /** Resolves true once the live engine satisfies `ready` (the new article served), false after `timeoutMs`. */
  waitUntil(ready: (engine: Engine) => boolean, timeoutMs: number): Promise<boolean>
}
