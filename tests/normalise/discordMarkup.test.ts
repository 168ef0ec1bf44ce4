import { describe, expect, it } from 'vitest'
import { capLength, echoableText, MAX_QUESTION_LENGTH, removeZalgo, stripDiscordMarkup } from '../../src/normalise/discordMarkup.ts'

describe('stripDiscordMarkup', () => {
  it.each([
    ['mention of a user', '<@123456789012345678> who is the minister', 'who is the minister'],
    ['nickname mention', '<@!123456789012345678> who is the minister', 'who is the minister'],
    ['role and channel mentions', 'hey <@&42> see <#77> who won', 'hey see who won'],
    ['plain leading @bot', '@bot whos the info minister', 'whos the info minister'],
    ['two plain leading mentions', '@bot, @helper: what happened', 'what happened'],
    ['@everyone and @here', '@everyone what happened @here', 'what happened'],
    ['inline @name keeps the name', 'what did @asif say', 'what did asif say'],
    ['greeting and mention', 'hey @QuoteBot, who won', 'who won'],
    ['trailing mention', 'who won @QuoteBot?', 'who won?'],
    ['an e-mail address is no mention', 'who owns info@example.org', 'who owns info@example.org'],
    ['a greeting alone stays', 'hey who won', 'hey who won'],
    ['custom emoji', 'what did he say <:thonk:123456> <a:party:987>', 'what did he say'],
    ['unicode emoji with skin tone and ZWJ', 'who won 👍🏽 👨‍👩‍👧 🤔?', 'who won?'],
    ['flag', 'whos the afghan defence minister 🇦🇫', 'whos the afghan defence minister'],
    ['keycap', 'top 3️⃣ reasons', 'top reasons'],
    ['emoji shortcode', 'what happened :thinking:', 'what happened'],
    ['text emoticons', 'did the talks fail :( :-) ;P :D <3 xD', 'did the talks fail'],
    ['a colon in prose stays', 'the vote was 214:197', 'the vote was 214:197'],
    ['bare link', 'is this true https://example.com/a?b=c what did they say', 'is this true what did they say'],
    ['suppressed link', 'see <https://example.com> who said it', 'see who said it'],
    ['masked link keeps its text', 'what about [the truce](https://example.com/x) then', 'what about the truce then'],
    ['bold', 'what did pakistan want about the **TTP**', 'what did pakistan want about the TTP'],
    ['italics and underline', 'was it *really* __that__ _bad_', 'was it really that bad'],
    ['snake_case survives', 'what is snake_case', 'what is snake_case'],
    ['strikethrough', 'who ~~won~~ lost', 'who won lost'],
    ['spoiler keeps its words, not its markers', 'who is asif ||spoiler||', 'who is asif spoiler'],
    ['spoiler at the start', '||test our resolve|| who said this', 'test our resolve who said this'],
    ['inline code', 'did they find any `workable solution`?', 'did they find any workable solution?'],
    ['code block with a language hint', '```txt\nwho signed it\n```', 'who signed it'],
    ['code block without a hint', '```who signed it```', 'who signed it'],
    ['block quote', '> test our resolve\nwho said that', 'test our resolve who said that'],
    ['multi-line quote', '>>> who said that', 'who said that'],
    ['heading', '# why did the talks fail', 'why did the talks fail'],
    ['subtext', '-# why did the talks fail', 'why did the talks fail'],
    ['bullets', '- who\n- when\n1. where', 'who when where'],
    ['escaped marker', 'what does \\*this\\* mean', 'what does this mean'],
    ['control and bidi characters', 'who\u0000 is\u202E the\u200B minister', 'who is the minister'],
    ['zalgo', 'w̷̡̛̖h̶̨̙o̵͇͝ won', 'who won'],
    ['space collapsed', '  who   is \n\n asif ? ', 'who is asif?'],
    ['tl;dr untouched', 'tl;dr pls', 'tl;dr pls'],
    ['nothing left', '<@1> 😂 https://x.y', ''],
  ])('%s', (_label, raw, expected) => {
    expect(stripDiscordMarkup(raw)).toBe(expected)
  })

  it('keeps accents while removing zalgo', () => {
    expect(removeZalgo('café naïve')).toBe('café naïve')
    expect(removeZalgo('e\u0301\u0302\u0303\u0304 café')).toBe('e cafe')
    expect(removeZalgo('Vie\u0302\u0323t')).toBe('Việt')
  })

  it('caps the length at a word boundary', () => {
    const long = 'word '.repeat(300)
    const stripped = stripDiscordMarkup(long)
    expect(stripped.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH)
    expect(stripped.endsWith('word')).toBe(true)
    expect(capLength('a'.repeat(600), 500)).toHaveLength(500)
  })

  it('takes hostile input quickly and whole', () => {
    const hostile = '*'.repeat(2000) + '_'.repeat(2000) + '`'.repeat(2000) + '['.repeat(2000)
    expect(typeof stripDiscordMarkup(hostile)).toBe('string')
  })
})

describe('echoableText', () => {
  it('keeps the person\'s words and markup, defuses invisible characters', () => {
    expect(echoableText('  whos the **info** minister \u202E ')).toBe('whos the **info** minister')
  })
})
