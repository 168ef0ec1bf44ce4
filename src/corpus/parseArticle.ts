import { frontMatterSchema, type Article, type ArticleParagraph } from './article.ts'

/** A corpus file that cannot be used; the message names the file and the field. */
export class CorpusError extends Error {
  override name = 'CorpusError'
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/

/**
 * Reads the small YAML subset articles use: one `key: value` per line, values
 * optionally in single or double quotes. Anything else is reported, not guessed.
 */
function parseFrontMatterLines(block: string, file: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [index, line] of block.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue
    const match = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line)
    if (!match) throw new CorpusError(`${file}: front matter line ${index + 2} is not "key: value": ${JSON.stringify(line)}`)
    const key = match[1] as string
    let value = (match[2] as string).trim()
    const quoted = /^(["'])(.*)\1$/.exec(value)
    if (quoted) value = quoted[2] as string
    fields[key] = value
  }
  return fields
}

/** Parses one article file's text. `file` is only used in error messages. */
export function parseArticle(source: string, slug: string, file = `${slug}.md`): Article {
  const text = source.replace(/^\uFEFF/, '')
  const frontMatter = FRONT_MATTER.exec(text)
  if (!frontMatter) throw new CorpusError(`${file}: missing front matter (a "---" block with at least "title:")`)

  const parsed = frontMatterSchema.safeParse(parseFrontMatterLines(frontMatter[1] as string, file))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.join('.') || '(front matter)'
    const detail = issue?.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue?.message
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
