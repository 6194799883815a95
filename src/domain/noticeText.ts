export type NoticeKind = 'letter' | 'notice'

export const NOTICE_KIND_LABEL: Record<NoticeKind, string> = { letter: '公开信', notice: '通知' }

export const noticeCode = (id: number): string => `G${id}`

/** The notice as it is posted in a building group (the outbox splits it into numbered parts). */
export function renderNotice(n: { id: number | null; kind: NoticeKind; title: string; body: string }): string {
  return [
    `【${NOTICE_KIND_LABEL[n.kind]}${n.id === null ? '' : ` ${noticeCode(n.id)}`}】${n.title}`,
    '',
    n.body.trim(),
    '',
    '——',
    '请楼组长转发给不在群里的邻居，转发后 @我 回复「已转发」。',
  ].join('\n')
}
