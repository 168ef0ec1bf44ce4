import type { TargetMessage } from './types.ts'

/** What both transports know of a message command's target, however they received it. */
export interface TargetMessageFields {
  id: string
  content?: string | null
  author?: { id: string } | null
  embedCount: number
  attachmentCount: number
}

/** The target message as handlers see it: its text, its author, and whether this bot wrote it. */
export function targetMessage({ id, content, author, embedCount, attachmentCount }: TargetMessageFields, botUserId: string): TargetMessage {
  return { id, content: content ?? '', authorId: author?.id ?? '', fromThisBot: author?.id === botUserId, embeds: embedCount, attachments: attachmentCount }
}
