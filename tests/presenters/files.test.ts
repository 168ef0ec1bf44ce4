/** Files on a BotMessage: Discord's per-message limits, and how they reach its API. */
import { describe, expect, it } from 'vitest'
import { toApiMessage, toRestFiles, type BotMessage } from '../../src/presenters/discord/botMessage.ts'
import { fitMessage } from '../../src/presenters/discord/fitMessage.ts'
import { DISCORD_LIMITS } from '../../src/presenters/discord/limits.ts'

const message = (files: BotMessage['files']): BotMessage => ({ content: 'report', embeds: [], components: [], mentionUsers: [], ephemeral: true, ...(files ? { files } : {}) })

describe('files on a message', () => {
  it('keeps at most ten, and leaves off one over the size limit rather than send a reply Discord refuses', () => {
    const small = Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.csv`, data: Buffer.from('a,b\r\n') }))
    const huge = { name: 'huge.csv', data: Buffer.alloc(DISCORD_LIMITS.fileBytes + 1) }
    const fitted = fitMessage(message([huge, ...small]))
    expect(fitted.files?.map((file) => file.name)).toEqual(small.slice(0, 10).map((file) => file.name))
  })

  it('names new files in `attachments` by part index, and hands the bytes to REST beside the body', () => {
    const files = [{ name: 'insights.csv', data: Buffer.from('x') }]
    expect(toApiMessage(message(files)).attachments).toEqual([{ id: 0, filename: 'insights.csv' }])
    expect(toRestFiles(message(files))).toEqual([{ name: 'insights.csv', data: Buffer.from('x') }])
  })

  it('adds nothing for a message without files', () => {
    expect(toApiMessage(message(undefined))).not.toHaveProperty('attachments')
    expect(fitMessage(message(undefined))).not.toHaveProperty('files')
    expect(toRestFiles(message(undefined))).toEqual([])
  })
})
