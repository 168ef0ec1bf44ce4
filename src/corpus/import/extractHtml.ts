import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { ArticleParagraph, FrontMatter } from '../article.ts'

export interface ExtractedArticle {
  /** Metadata the page states; a field it does not state stays absent. */
  meta: Partial<FrontMatter>
  paragraphs: ArticleParagraph[]
}

type Json = unknown
type Doc = ReturnType<typeof parseHTML>['document']

/** Collapses the white space of HTML text; the words are kept as written. */
function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim()
}

function metaContent(document: Doc, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = clean(document.querySelector(selector)?.getAttribute('content'))
    if (value) return value
  }
  return undefined
}

/** Every JSON-LD object on the page, `@graph` members included. */
function jsonLdObjects(document: Doc): Array<Record<string, Json>> {
  const found: Array<Record<string, Json>> = []
  const visit = (value: Json) => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (!value || typeof value !== 'object') return
    const object = value as Record<string, Json>
    found.push(object)
    if (object['@graph']) visit(object['@graph'])
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''))
    } catch {
      // A broken block tells us nothing.
    }
  }
  return found
}

const ARTICLE_TYPES = /Article|BlogPosting|Report/

function isArticleType(object: Record<string, Json>): boolean {
  const type = object['@type']
  return (Array.isArray(type) ? type : [type]).some((entry) => typeof entry === 'string' && ARTICLE_TYPES.test(entry))
}

function publisherName(object: Record<string, Json>): string | undefined {
  const publisher = Array.isArray(object.publisher) ? object.publisher[0] : object.publisher
  if (typeof publisher === 'string') return clean(publisher) || undefined
  if (publisher && typeof publisher === 'object') {
    const name = (publisher as Record<string, Json>).name
    if (typeof name === 'string') return clean(name) || undefined
  }
  return undefined
}

/** "2025-10-29T08:00:00+05:00" → "2025-10-29", only when it really starts with a calendar date. */
function dateOf(value: string | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '')
  if (!match) return undefined
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`)
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0] ? undefined : match[0]
}

function httpUrl(value: string | undefined, base: string): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined
  } catch {
    return undefined
  }
}

/** Title, outlet, date and canonical URL from the page's own metadata: nothing guessed. */
function metadataOf(document: Doc, pageUrl: string, readabilityTitle: string | null | undefined): Partial<FrontMatter> {
  const ld = jsonLdObjects(document)
  const article = ld.find(isArticleType)
  const headline = typeof article?.headline === 'string' ? clean(article.headline) : undefined
  const title = metaContent(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ?? headline ?? (clean(readabilityTitle) || clean(document.querySelector('title')?.textContent) || undefined)
  const outlet = metaContent(document, 'meta[property="og:site_name"]') ?? (article ? publisherName(article) : undefined) ?? ld.map(publisherName).find(Boolean)
  const published =
    dateOf(metaContent(document, 'meta[property="article:published_time"]', 'meta[itemprop="datePublished"]')) ??
    dateOf(typeof article?.datePublished === 'string' ? article.datePublished : undefined) ??
    dateOf(ld.map((object) => (typeof object.datePublished === 'string' ? object.datePublished : undefined)).find(Boolean))
  const canonical = httpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined, pageUrl) ?? httpUrl(metaContent(document, 'meta[property="og:url"]'), pageUrl)
  return {
    ...(title ? { title } : {}),
    ...(outlet ? { outlet } : {}),
    ...(published ? { published } : {}),
    ...(canonical ? { url: canonical } : {}),
  }
}

const BLOCKS = 'p, h2, h3, h4, h5, h6, blockquote, li'

/**
 * The article's paragraphs and subheadings from its HTML: Readability (over a
 * linkedom DOM) finds the article and drops navigation, boilerplate and
 * comments; each paragraph's text is kept verbatim.
 */
export function extractHtml(html: string, pageUrl: string): ExtractedArticle {
  const { document } = parseHTML(html)
  const meta = metadataOf(document, pageUrl, null)
  // Readability changes the document it reads: it gets its own copy.
  const { document: copy } = parseHTML(html)
  const parsed = new Readability(copy as never, { keepClasses: false }).parse()
  if (!meta.title && parsed?.title) meta.title = clean(parsed.title)
  const paragraphs: ArticleParagraph[] = []
  if (!parsed?.content) return { meta, paragraphs }
  const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`)
  let section: string | null = null
  for (const element of content.querySelectorAll(BLOCKS)) {
    // A paragraph inside a list item or quotation is read once, as the block it sits in.
    if (element.parentElement?.closest('blockquote, li') && element.tagName !== 'BLOCKQUOTE') continue
    if (element.tagName === 'LI' && element.querySelector('p')) continue
    const text = clean(element.textContent)
    if (text === '') continue
    if (/^H[2-6]$/.test(element.tagName)) {
      section = text
      continue
    }
    if (element.tagName === 'BLOCKQUOTE' && element.querySelector('p')) {
      for (const inner of element.querySelectorAll('p')) {
        const innerText = clean(inner.textContent)
        if (innerText) paragraphs.push({ section, text: innerText })
      }
      continue
    }
    paragraphs.push({ section, text })
  }
  // A heading equal to the title repeats it, it does not open a section.
  return { meta, paragraphs: paragraphs.map((paragraph) => (paragraph.section === meta.title ? { ...paragraph, section: null } : paragraph)) }
}
