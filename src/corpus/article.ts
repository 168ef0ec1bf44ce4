import { z } from 'zod'

/**
 * Front matter of an article file. Only `title` is required: outlet, url and
 * published date are optional because they must never be invented.
 */
export const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1, 'must be a non-empty string'),
    outlet: z.string().trim().min(1).optional(),
    url: z.url().optional(),
    published: z.iso.date().optional(),
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
}
