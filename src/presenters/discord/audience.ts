/** Who sees a reply: everyone, or only the asker (`hide`); and who, if anyone, it pings (`mention`). */
export interface Audience {
  ephemeral: boolean
  mentionUserId?: string
}
