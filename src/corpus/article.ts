import { z } from 'zod'

/** A plain string: YAML may parse `title: 1917` or `title: [a, b]` into other types, which are refused. */
const plainString = (what: string) =>
  z.string({ error: `must be a plain string (quote it if it contains [ ] { } : or #) — ${what}` }).trim()

/**
 * Front matter of an article file. Only `title` is required: outlet, url and
 * published date are optional because they must never be invented.
 */
export const frontMatterSchema = z
  .object({
    title: plainString('the article’s headline').min(1, 'must be a non-empty string'),
    outlet: plainString('the publication').min(1, 'must be a non-empty string').optional(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    published: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }).optional(),
  })
  .strict()

export type FrontMatter = z.infer<typeof frontMatterSchema>

/** One paragraph of an article body, in reading order. */
export interface ArticleParagraph {
  /** The `##` heading the paragraph sits under, or null before the first heading. */
  section: string | null
  text: string
}

export interface Article extends FrontMatter {
  /** File name without `.md`: the stable prefix of every passage id. */
  slug: string
  paragraphs: ArticleParagraph[]
  /** The server an article added from Discord belongs to (`guilds/<id>/`); null or absent: shared by all. */
  owner?: string | null
  /** When its file was added (ms since the epoch), for "the newest article" when none has a date. */
  addedAt?: number
  /** Its file, relative to the corpus folder. */
  file?: string
}
