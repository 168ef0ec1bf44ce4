import { ChannelActionError, type ChannelActions, type PinnedMessage } from './channelActions.ts'

/** Another run took it away already: nothing left to do. */
function ignoreGone(error: unknown): void {
  if (!(error instanceof ChannelActionError && error.failure === 'unknown-message')) throw error
}

/** Snowflakes grow with time: the longer string, or the larger at equal length, is newer. */
function newer(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b
}

export interface KeptPin {
  /** The one message of its kind left pinned. */
  kept: string
  /** Whether our own pinned message was the one kept. */
  ours: boolean
}

/**
 * The check after pinning that leaves exactly one pin of a kind (the bot's
 * summaries), even when several processes pin at once: each run, after its
 * own pin, lists the pins and unpins every one of the kind but the newest
 * by id. The last run to check sees every pin made before it, and all runs
 * agree on which is newest, so the channel ends with one. Losing copies
 * made at the same time (`pinnedBefore` did not list them) are deleted: an
 * unpinned duplicate would only clutter the channel. Older ones are only unpinned.
 */
export async function keepNewestPin(channel: ChannelActions, ownId: string, isOfKind: (pin: PinnedMessage) => boolean, pinnedBefore: readonly string[] = []): Promise<KeptPin> {
  // Pins of the kind that appeared while this run worked are the other runs' copies: deleted, not just unpinned.
  const concurrent = (id: string) => !pinnedBefore.includes(id)
  const pinned = (await channel.listPins()).filter(isOfKind).map((pin) => pin.id)
  if (!pinned.includes(ownId)) {
    if (pinned.length > 0) {
      // Another run already unpinned ours in favour of a newer one.
      await channel.remove(ownId).catch(ignoreGone)
      return { kept: pinned.reduce((best, id) => (newer(id, best) ? id : best)), ours: false }
    }
    // Unpinned, and whatever replaced it has gone too: ours is the summary after all.
    await channel.pin(ownId)
    return { kept: ownId, ours: true }
  }
  const kept = pinned.reduce((best, id) => (newer(id, best) ? id : best))
  for (const id of pinned) {
    if (id === kept) continue
    await channel.unpin(id).catch(ignoreGone)
    if (concurrent(id)) await channel.remove(id).catch(ignoreGone)
  }
  return { kept, ours: kept === ownId }
}
