/**
 * `escapeUserText`: user text echoed in a reply can neither format (Markdown),
 * nor render as a mention, nor become a link — and loses no characters.
 */
import { describe, expect, it } from 'vitest'
import { escapeUserText } from '../../src/presenters/discord/escape.ts'

/** The text a reader sees: escapes and zero-width spaces removed. */
function visible(text: string): string {
  return text.replace(/\u200b/g, '').replace(/\\(.)/g, '$1')
}

/** Characters of `markup` in `text` that are not preceded by a backslash. */
function unescaped(text: string, markup: RegExp): string[] {
  return [...text.matchAll(new RegExp(`(?<!\\\\)${markup.source}`, 'g'))].map((match) => match[0])
}

describe('escapeUserText', () => {
  it.each(['@everyone', '@here', 'hello @everyone and @here!'])('GIVEN %j THEN no @everyone/@here remains', (text) => {
    const out = escapeUserText(text)
    expect(out).not.toMatch(/@(everyone|here)/)
    expect(visible(out)).toBe(text)
  })

  it.each([
    ['user', '<@123456789012345678>'],
    ['nickname user', '<@!123456789012345678>'],
    ['role', '<@&123456789012345678>'],
    ['channel', '<#123456789012345678>'],
    ['custom emoji', '<:blob:123456789012345678>'],
    ['animated emoji', '<a:blob:123456789012345678>'],
  ])('GIVEN a %s mention THEN it no longer has mention syntax', (_, text) => {
    const out = escapeUserText(text)
    expect(out).not.toMatch(/<(@[!&]?|#|a?:\w+:)\d+>/)
    expect(visible(out)).toBe(text)
  })

  it.each([
    ['bold', '**bold**', /\*/],
    ['italic', '*it* and _it_', /[*_]/],
    ['underline', '__under__', /_/],
    ['strike', '~~gone~~', /~/],
    ['spoiler', '||secret||', /\|/],
    ['inline code', '`code`', /`/],
    ['code block', '```js\nx()\n```', /`/],
    ['heading', '# Big', /#/],
    ['list', '- item', /-/],
    ['masked link', '[click](https://evil.example)', /[[\]()]/],
  ])('GIVEN %s markup THEN each markup character is escaped', (_, text, markup) => {
    const out = escapeUserText(text)
    expect(unescaped(out, markup)).toEqual([])
    expect(visible(out)).toBe(text)
  })

  it.each(['> quoted', '>>> all quoted', 'a\n> quote on line two'])('GIVEN a block quote %j THEN no line starts with an unescaped >', (text) => {
    const out = escapeUserText(text)
    for (const line of out.split('\n')) expect(line.startsWith('>')).toBe(false)
    expect(visible(out)).toBe(text)
  })

  it.each(['https://evil.example/path', 'see http://evil.example now'])('GIVEN a link %j THEN it is no longer a link', (text) => {
    const out = escapeUserText(text)
    expect(out).not.toMatch(/https?:\/\//i)
    expect(visible(out)).toBe(text)
  })

  it('GIVEN text with existing backslashes THEN they are escaped too, so they cannot un-escape what follows', () => {
    const text = '\\**bold**'
    const out = escapeUserText(text)
    expect(unescaped(out.replace(/\\\\/g, ''), /\*/)).toEqual([])
    expect(visible(out)).toBe(text)
  })

  it('GIVEN plain words THEN they are unchanged', () => {
    expect(escapeUserText('What did Asif say on Tuesday, 28 October?')).toBe('What did Asif say on Tuesday, 28 October?')
  })
})
