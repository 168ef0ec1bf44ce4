import { ChannelActionError, type ChannelActions } from '../../interactions/channelActions.ts'

export interface RevocableChannelActions {
  readonly channel: ChannelActions
  /** Undoes what went through `channel` (posts deleted, unpinned messages pinned again) and refuses anything after. */
  revoke(): Promise<void>
}

const ignore = () => undefined

/**
 * Channel actions that can be taken back: when shutdown gives up on a handler
 * (say a /pin-summary between posting and pinning), its effects are undone
 * rather than left half-done.
 */
export function revocableChannelActions(inner: ChannelActions): RevocableChannelActions {
  const posted: string[] = []
  const unpinned: string[] = []
  let revoked = false
  const refuse = () => new ChannelActionError('other', null, 'the bot is restarting')
  const guard = async <T>(action: () => Promise<T>): Promise<T> => {
    if (revoked) throw refuse()
    return action()
  }
  const channel: ChannelActions = {
    channelId: inner.channelId,
    post: (message) =>
      guard(async () => {
        const created = await inner.post(message)
        if (revoked) {
          // Revoked while the post was on its way: take it back now.
          await inner.remove(created.id).catch(ignore)
          throw refuse()
        }
        posted.push(created.id)
        return created
      }),
    listPins: () => guard(() => inner.listPins()),
    pin: (messageId) => guard(() => inner.pin(messageId)),
    unpin: (messageId) =>
      guard(async () => {
        await inner.unpin(messageId)
        unpinned.push(messageId)
      }),
    remove: (messageId) => guard(() => inner.remove(messageId)),
    ...(inner.messageExists ? { messageExists: (messageId: string) => guard(() => (inner.messageExists as (id: string) => Promise<boolean>)(messageId)) } : {}),
  }
  return {
    channel,
    async revoke() {
      revoked = true
      for (const id of posted.splice(0)) await inner.remove(id).catch(ignore)
      for (const id of unpinned.splice(0)) await inner.pin(id).catch(ignore)
    },
  }
}
