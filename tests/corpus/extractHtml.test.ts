/**
 * HTML extraction from saved pages: the article's paragraphs and subheadings
 * verbatim, everything else (navigation, cookie banners, related links,
 * comments, newsletter boxes, footers) dropped, metadata only where the page states it.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../src/corpus/import/extractHtml.ts'
import { articleMarkdown, importArticle } from '../../src/corpus/import/importArticle.ts'
import { parseArticle } from '../../src/corpus/parseArticle.ts'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/html/${name}.html`, import.meta.url), 'utf8')

/** Text of every <p> and heading inside one element of the raw HTML: the oracle, read without a DOM. */
function blocksInside(html: string, open: RegExp, close: string): Array<{ tag: string; text: string }> {
  const start = html.search(open)
  const inner = html.slice(start, html.indexOf(close, start))
  return [...inner.matchAll(/<(p|h[1-6])(?:\s[^>]*)?>([\s\S]*?)<\/\1>/g)].map((match) => ({
    tag: match[1] as string,
    text: (match[2] as string).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim(),
  }))
}

function outside(html: string, open: RegExp, close: string): string[] {
  const start = html.search(open)
  const end = html.indexOf(close, start) + close.length
  const rest = html.slice(0, start) + html.slice(end)
  return [...rest.matchAll(/<(p|li|a|h[1-6]|div)(?:\s[^>]*)?>([^<]{12,})</g)].map((match) => (match[2] as string).trim())
}

describe('a news page with navigation, boilerplate and comments', () => {
  const html = fixture('news-with-boilerplate')
  const extracted = extractHtml(html, 'https://courier.example/news/harbour-strike?ref=home')
  const article = blocksInside(html, /<article>/, '</article>')

  it('keeps every body paragraph of the article, verbatim and in order', () => {
    const body = article.filter((block) => block.tag === 'p' && !/^By /.test(block.text)).map((block) => block.text)
    expect(extracted.paragraphs.map((paragraph) => paragraph.text)).toEqual(body)
  })

  it('puts each paragraph under the subheading above it', () => {
    const headings = article.filter((block) => block.tag === 'h2').map((block) => block.text)
    expect([...new Set(extracted.paragraphs.map((paragraph) => paragraph.section).filter(Boolean))]).toEqual(headings)
    expect(extracted.paragraphs[0]?.section).toBeNull()
  })

  it('drops navigation, the cookie banner, related links, comments and the footer', () => {
    const text = extracted.paragraphs.map((paragraph) => `${paragraph.section} ${paragraph.text}`).join('\n')
    const boilerplate = outside(html, /<article>/, '</article>')
    expect(boilerplate.length).toBeGreaterThan(5)
    for (const line of boilerplate) expect(text).not.toContain(line)
  })

  it('takes title, outlet (og:site_name), date (article:published_time) and canonical URL from the page', () => {
    expect(extracted.meta).toEqual({
      title: 'Harbour cranes idle as dockworkers strike',
      outlet: 'The Coastal Courier',
      published: '2025-06-03',
      url: 'https://courier.example/news/harbour-strike',
    })
  })
})

describe('a page whose metadata is JSON-LD', () => {
  const html = fixture('news-with-json-ld')
  const extracted = extractHtml(html, 'https://gazette.example/valley/fire-service')
  const story = blocksInside(html, /<div class="story-body">/, '<div class="share-tools">')

  it('keeps the story’s paragraphs verbatim and drops sidebar, subscription bar, newsletter and comments', () => {
    expect(extracted.paragraphs.map((paragraph) => paragraph.text)).toEqual(story.filter((block) => block.tag === 'p').map((block) => block.text))
    const text = extracted.paragraphs.map((paragraph) => paragraph.text).join('\n')
    expect(text).not.toMatch(/Subscribe|Most read|newsletter|common sense/i)
  })

  it('takes the headline, the publisher as outlet and datePublished as the date; no URL is invented', () => {
    expect(extracted.meta.title).toBe('Valley towns vote to share one fire service')
    expect(extracted.meta.outlet).toBe('Upland Gazette')
    expect(extracted.meta.published).toBe('2024-11-18')
    expect(extracted.meta.url).toBeUndefined()
  })
})

describe('importArticle', () => {
  it('a page without metadata gets nothing invented: no outlet, no date', async () => {
    const html = '<html><head><title>Plain page</title></head><body><article><p>One paragraph that is long enough to be the article body of this page, with words.</p><p>A second paragraph that also carries some more words for the reader here.</p></article></body></html>'
    const article = await importArticle({ text: html, format: 'html', name: 'example.org', url: 'https://example.org/plain', page: true })
    expect(article.title).toBe('Plain page')
    expect(article.outlet).toBeUndefined()
    expect(article.published).toBeUndefined()
    expect(article.url).toBe('https://example.org/plain')
    // The same page as an attachment: its CDN address is not the article's link.
    expect((await importArticle({ text: html, format: 'html', name: 'plain.html', url: 'https://cdn.example/attachments/1/plain.html' })).url).toBeUndefined()
  })

  it('.txt: the first line is the title, then one paragraph a line', async () => {
    const article = await importArticle({ text: 'Title line\nFirst paragraph.\n\nSecond paragraph.\n', format: 'txt', name: 'notes.txt', url: 'https://cdn.example/attachments/1/notes.txt' })
    expect(article).toMatchObject({ slug: 'notes', title: 'Title line', paragraphs: [{ section: null, text: 'First paragraph.' }, { section: null, text: 'Second paragraph.' }] })
  })

  it('writes a corpus file that reads back to the same article, YAML quoting titles that need it', async () => {
    const extracted = await importArticle({ text: fixture('news-with-boilerplate'), format: 'html', name: 'courier.example', url: 'https://courier.example/x' })
    const tricky = { ...extracted, title: 'Strike: “day two” [live] # updates' }
    const back = parseArticle(articleMarkdown(tricky), tricky.slug)
    expect(back).toEqual(tricky)
  })
})
