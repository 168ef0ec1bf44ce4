import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js'

/**
 * Previous/Next buttons for a paged reply, or none when it fits one page.
 * The ids come from the caller and carry the page, so any process can answer them.
 */
export function pageButtons(current: number, pages: number, pageButtonId: (page: number) => string): Array<APIActionRowComponent<APIButtonComponent>> {
  if (pages <= 1) return []
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: '◀ Previous', custom_id: pageButtonId(current - 1), disabled: current === 0 },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Next ▶', custom_id: pageButtonId(current + 1), disabled: current >= pages - 1 },
      ],
    },
  ]
}
