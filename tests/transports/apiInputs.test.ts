import { describe, expect, it } from 'vitest'
import { autocompleteInputOf, buttonInputOf, commandInputOf, messageCommandInputOf, type RawInteraction } from '../../src/transports/http/apiInputs.ts'

const base = { id: '1', application_id: '2', token: 't', guild_id: '3', channel_id: '4', member: { permissions: '32', user: { id: '5', username: 'mod' } } }

describe('HTTP payloads read as the gateway reads them', () => {
  it('GIVEN a subcommand with an attachment THEN the subcommand, its options and the resolved attachment are read', () => {
    const raw: RawInteraction = {
      ...base,
      type: 2,
      data: {
        name: 'article',
        options: [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: '99' }, { name: 'note', type: 3, value: 'x' }] }],
        resolved: { attachments: { '99': { url: 'https://cdn.example/a.md', filename: 'a.md', size: 120, content_type: 'text/markdown' } } },
      },
    }
    const input = commandInputOf(raw)
    expect(input.subcommand).toBe('add')
    expect(input.options).toEqual({ note: 'x' })
    expect(input.attachments).toEqual({ file: { url: 'https://cdn.example/a.md', filename: 'a.md', size: 120, contentType: 'text/markdown' } })
  })

  it('GIVEN an attachment id that is not resolved THEN no attachment is invented', () => {
    const input = commandInputOf({ ...base, type: 2, data: { name: 'article', options: [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: '98' }] }] } })
    expect(input.attachments).toBeUndefined()
  })

  it('GIVEN the focused option inside a subcommand THEN autocomplete finds it', () => {
    const input = autocompleteInputOf({ ...base, type: 4, data: { name: 'article', options: [{ name: 'remove', type: 1, options: [{ name: 'article', type: 3, value: 'ist', focused: true }] }] } })
    expect(input.focused).toEqual({ name: 'article', value: 'ist' })
    expect(input.subcommand).toBe('remove')
  })

  it('GIVEN a button press THEN the message it sits on is read: its id (which answer a vote is on), flags and embed author', () => {
    const input = buttonInputOf({ ...base, type: 3, data: { custom_id: 'vote:u:a-p1' }, message: { id: '1300000000000000999', flags: 64, embeds: [{ author: { name: 'Q: who?' } }] } })
    expect(input).toMatchObject({ customId: 'vote:u:a-p1', messageId: '1300000000000000999', messageEphemeral: true, messageEmbedAuthor: 'Q: who?' })
    expect(buttonInputOf({ ...base, type: 3, data: { custom_id: 'x' } }).messageId).toBe('')
  })

  it('GIVEN a message command THEN the target is read from data.resolved.messages[target_id], with its counts and whether it is the bot’s', () => {
    const message = { id: '70', content: 'a claim', author: { id: '2' }, embeds: [{}], attachments: [{}, {}] }
    const input = messageCommandInputOf({ ...base, type: 2, data: { name: 'Check against the article', type: 3, target_id: '70', resolved: { messages: { '70': message } } } }, '2')
    expect(input.target).toEqual({ id: '70', content: 'a claim', authorId: '2', fromThisBot: true, embeds: 1, attachments: 2 })
    expect(input.botInGuild).toBeUndefined()
  })

  it('GIVEN a message command whose target is not resolved THEN target null, not an invented message', () => {
    expect(messageCommandInputOf({ ...base, type: 2, data: { name: 'Check against the article', type: 3, target_id: '70', resolved: { messages: {} } } }, '2').target).toBeNull()
  })

  it('GIVEN a guild interaction authorised only by a user install THEN botInGuild is false; with the guild install too THEN it is not', () => {
    const data = { name: 'ask' }
    expect(commandInputOf({ ...base, type: 2, data, authorizing_integration_owners: { '1': '5' } }).botInGuild).toBe(false)
    expect(commandInputOf({ ...base, type: 2, data, authorizing_integration_owners: { '0': '3', '1': '5' } }).botInGuild).toBeUndefined()
    expect(commandInputOf({ ...base, guild_id: undefined, type: 2, data, authorizing_integration_owners: { '1': '5' } } as RawInteraction).botInGuild).toBeUndefined()
  })
})
