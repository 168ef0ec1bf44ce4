import { z } from 'zod'
import type { Audience } from '../presenters/discord/audience.ts'
import type { CommandInput } from './types.ts'

const audienceOptions = z.object({
  hide: z.boolean().optional(),
  mention: z.string().regex(/^\d{17,20}$/).optional(),
})

/** The `hide` and `mention` options every answering command takes. */
export function audienceOf(input: CommandInput): Audience {
  const parsed = audienceOptions.safeParse({ hide: input.options.hide, mention: input.options.mention })
  if (!parsed.success) return { ephemeral: input.options.hide === true }
  return { ephemeral: parsed.data.hide ?? false, ...(parsed.data.mention ? { mentionUserId: parsed.data.mention } : {}) }
}

/** A string option, or the fallback when absent or of another type. */
export function stringOption(input: { options: CommandInput['options'] }, name: string, fallback = ''): string {
  const value = input.options[name]
  return typeof value === 'string' ? value : fallback
}
