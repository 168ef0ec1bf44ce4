import { parseDocument } from 'yaml'
import { frontMatterSchema, type Article, type ArticleParagraph } from './article.ts'

/** A corpus file that cannot be used; the message names the file and the field. */
export class CorpusError extends Error {
  override name = 'CorpusError'
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/
const KEY_LINE = /^([A-Za-z_][\w-]*)\s*:/

/** The key on a front-matter line, to name the field a YAML error is in. */
function fieldOnLine(block: string, line: number): string | null {
  return KEY_LINE.exec(block.split(/\r?\n/)[line - 1] ?? '')?.[1] ?? null
}

/**
 * Reads the front matter as YAML (the `yaml` package), then checks it with zod.
 * Every problem is one line: the file, the field (and its line), what is wrong.
 */
function parseFrontMatter(block: string, file: string): unknown {
  const document = parseDocument(block, { uniqueKeys: true, prettyErrors: false })
  const error = document.errors[0]
  if (error) {
    // +1: the block starts on the line after the opening `---`.
    const line = error.linePos?.[0]?.line ?? 1
    const field = fieldOnLine(block, line)
    const where = field ? `field "${field}" (line ${line + 1})` : `line ${line + 1}`
    const reason = error.code === 'DUPLICATE_KEY' ? 'appears twice' : 'is not valid YAML — quote a value that contains [ ] { } : or #'
    throw new CorpusError(`${file}: front matter ${where} ${reason}`)
  }
  const value: unknown = document.toJS()
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    const line = block.split(/\r?\n/).findIndex((text) => text.trim() !== '' && !text.trimStart().startsWith('#') && !KEY_LINE.test(text))
    throw new CorpusError(`${file}: front matter line ${Math.max(line, 0) + 2} is not "key: value"`)
  }
  return value
}

/** Parses one article file's text. `file` is only used in error messages. */
export function parseArticle(source: string, slug: string, file = `${slug}.md`): Article {
  const text = source.replace(/^\uFEFF/, '')
  const frontMatter = FRONT_MATTER.exec(text)
  if (!frontMatter) throw new CorpusError(`${file}: missing front matter (a "---" block with at least "title:")`)

  const fields = parseFrontMatter(frontMatter[1] as string, file) as Record<string, unknown>
  const parsed = frontMatterSchema.safeParse(fields)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    if (issue?.code === 'unrecognized_keys') throw new CorpusError(`${file}: front matter field "${issue.keys.join('", "')}" is unknown (allowed: title, outlet, url, published)`)
    const field = issue?.path.join('.') || '(front matter)'
    const detail = issue?.code === 'invalid_type' && fields[field] === undefined ? 'is required' : issue?.message
    throw new CorpusError(`${file}: front matter field "${field}": ${detail}`)
  }

  const paragraphs: ArticleParagraph[] = []
  let section: string | null = null
  for (const block of text.slice(frontMatter[0].length).split(/\r?\n\s*\r?\n/)) {
    const trimmed = block.trim()
    if (trimmed === '') continue
    const heading = /^#{1,6}\s+(.+)$/.exec(trimmed)
    if (heading && !trimmed.includes('\n')) {
      section = (heading[1] as string).trim()
      continue
    }
    // A paragraph broken over several lines is still one paragraph.
    paragraphs.push({ section, text: trimmed.replace(/\s*\r?\n\s*/g, ' ') })
  }
  if (paragraphs.length === 0) throw new CorpusError(`${file}: body: the article has no paragraphs`)
  return { ...parsed.data, slug, paragraphs }
}
