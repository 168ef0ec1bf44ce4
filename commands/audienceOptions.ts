import type { SlashCommandBuilder } from 'discord.js'

/**
 * The options discord.js's own utility bot gives every answering command:
 * `hide` (only the asker sees the answer) and `mention` (whom it is addressed to).
 */
export function withAudienceOptions<T extends Pick<SlashCommandBuilder, 'addBooleanOption' | 'addUserOption'>>(builder: T): T {
  builder.addBooleanOption((option) => option.setName('hide').setDescription('Show the answer only to you'))
  builder.addUserOption((option) => option.setName('mention').setDescription('Address the answer to this user (only they are pinged)'))
  return builder
}
