import { stringify } from 'yaml'
import { frontMatterSchema, type Article, type ArticleParagraph } from '../article.ts'
import { SLUG } from '../loadCorpus.ts'
import { CorpusError, parseArticle } from '../parseArticle.ts'

/** The formats `/article add` reads. */
export type SourceFormat = 'md' | 'txt' | 'html'

/** The format of an attachment by its file name; null for any other file. */
export function formatOfFile(filename: string): SourceFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase()
  if (extension === 'md' || extension === 'markdown') return 'md'
  if (extension === 'txt') return 'txt'
  if (extension === 'html' || extension === 'htm') return 'html'
  return null
}

/** The format of a fetched page by its content type; plain text that opens with front matter is the corpus format. */
export function formatOfContentType(contentType: string, body = ''): SourceFormat {
  if (contentType === 'text/markdown' || contentType === 'text/x-markdown') return 'md'
  if (contentType !== 'text/plain') return 'html'
  return /^\uFEFF?---\r?\n/.test(body) ? 'md' : 'txt'
}

/** "Harbour cranes idle as dockworkers strike!" → "harbour-cranes-idle-as-dockworkers-strike" (at most 60 characters, on a word). */
export function slugOf(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > 60) break
    slug = next
  }
  return slug || 'article'
}

function plainTextArticle(text: string, name: string): Omit<Article, 'slug'> {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
  const [title, ...paragraphs] = lines
  if (!title) throw new CorpusError(`${name}: the file is empty`)
  if (paragraphs.length === 0) throw new CorpusError(`${name}: body: after the title line there are no paragraphs (one paragraph a line)`)
  return { title, paragraphs: paragraphs.map((paragraph) => ({ section: null, text: paragraph })) }
}

async function htmlArticle(html: string, pageUrl: string, name: string): Promise<Omit<Article, 'slug'>> {
  // The HTML parser (linkedom, Readability) is loaded on the first page read, not at start-up: it is a sixth of the bot's start.
  const { extractHtml } = await import('./extractHtml.ts')
  const { meta, paragraphs } = extractHtml(html, pageUrl)
  if (!meta.title) throw new CorpusError(`${name}: the page has no title (no og:title, headline or <title>)`)
  if (paragraphs.length === 0) throw new CorpusError(`${name}: no article text found on the page`)
  const checked = frontMatterSchema.safeParse(meta)
  if (!checked.success) throw new CorpusError(`${name}: page metadata "${checked.error.issues[0]?.path.join('.')}" is unusable`)
  return { ...checked.data, paragraphs }
}

export interface ImportSource {
  text: string
  format: SourceFormat
  /** What messages call it: the attachment's file name or the page's URL. */
  name: string
  /** Where it came from: a page's final URL, or an attachment's. */
  url: string
  /** The slug to use; default from the file name (md, txt) or the title (html, and any fetched page). */
  slug?: string
  /** A fetched page, not a file: its name is a host, so the slug comes from the title. */
  page?: boolean
}

/**
 * An article in the corpus format from a file or page. `.md` is read exactly
 * as a corpus file; `.txt` is a title line then one paragraph a line; HTML is
 * extracted (paragraphs and subheadings verbatim, metadata from the page).
 */
export async function importArticle(source: ImportSource): Promise<Article> {
  const fileSlug = slugOf(source.name.replace(/^.*\//, '').replace(/\.[a-z0-9]+$/i, ''))
  let article: Article
  if (source.format === 'md') {
    const parsed = parseArticle(source.text, source.slug ?? fileSlug, source.name)
    article = source.page && !source.slug ? { ...parsed, slug: slugOf(parsed.title) } : parsed
  } else {
    const body = source.format === 'txt' ? plainTextArticle(source.text, source.name) : await htmlArticle(source.text, source.url, source.name)
    article = { ...body, slug: source.slug ?? (source.format === 'html' || source.page ? slugOf(body.title) : fileSlug) }
  }
  if (!SLUG.test(article.slug)) throw new CorpusError(`${source.name}: no usable file name for it`)
  // A page fetched from its link is at that link (an attachment's CDN address is not the article's).
  if (source.page && !article.url && frontMatterSchema.shape.url.safeParse(source.url).success) article = { ...article, url: source.url }
  return article
}

/** The article as a corpus file: YAML front matter with only the fields it has, then sections and paragraphs. */
export function articleMarkdown(article: Article): string {
  const frontMatter: Record<string, string> = { title: article.title }
  if (article.outlet) frontMatter.outlet = article.outlet
  if (article.url) frontMatter.url = article.url
  if (article.published) frontMatter.published = article.published
  const blocks: string[] = []
  let section: string | null = null
  for (const paragraph of article.paragraphs as ArticleParagraph[]) {
    if (paragraph.section !== section && paragraph.section !== null) blocks.push(`## ${paragraph.section}`)
    section = paragraph.section
    blocks.push(paragraph.text)
  }
  return `---\n${stringify(frontMatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${blocks.join('\n\n')}\n`
}
