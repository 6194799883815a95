import { buildingLabel } from '../../domain/address.js'
import { cut } from '../../domain/text.js'
import type { TargetsReason } from '../../domain/targets.js'
import { formatClock, whenReasonText, type WhenReason } from '../../domain/time/index.js'
import type { NoticeKind, NoticePlan } from './publishNotice.js'

const PREVIEW_CHARS = 300

export const NOTICE_KIND_LABEL: Record<NoticeKind, string> = { letter: '公开信', notice: '通知' }

/** How a notice is named to people: G2. */
export const noticeCode = (id: number): string => `G${id}`

/** 公开信 G2《标题》 */
const named = (n: { kind: string; id: number; title: string }) => `${NOTICE_KIND_LABEL[n.kind as NoticeKind]} ${noticeCode(n.id)}《${n.title}》`

const labels = (numbers: number[]) => numbers.map(buildingLabel).join('、')

const FORWARD_ASK = '请转发给不在群里的邻居，转发后 @我 回复「已转发」。'

/** The notice as it is posted in a building group (the outbox splits it into numbered parts). */
export function renderNotice(n: { id: number | null; kind: NoticeKind; title: string; body: string }): string {
  return [`【${NOTICE_KIND_LABEL[n.kind]}${n.id === null ? '' : ` ${noticeCode(n.id)}`}】${n.title}`, '', n.body.trim(), '', '——', `请楼组长${FORWARD_ASK}`].join('\n')
}

/** "3 个群（3号楼、5号楼）" */
export const describePlan = (plan: Pick<NoticePlan, 'groups' | 'buildings'>): string =>
  `${plan.groups} 个群（${labels(plan.buildings.map((b) => b.number)) || '无'}）`

const TARGETS_EXAMPLE = '请回复「全部」，或楼号如「3号楼 5号楼」「3-6号楼」。'
const unbound = (numbers: number[]) => `${labels(numbers)}还没有绑定的群，发不到。`

/** What the bot says while a notice is written (发布公开信 / 发布通知). */
export const composeText = {
  prompt: {
    title: '请发标题（一句话）：',
    body: '请发正文（多长都可以，一条消息发完）：',
    photo: '要配一张图吗？请直接发图片；不要就回复「跳过」。',
    targets: '发给哪些楼？回复「全部」，或楼号如「3号楼 5号楼」「3-6号楼」。',
    when: '什么时候发？回复「立即」，或时间如「明天9点」「12月1日 19:00」。',
    edit: '要改哪一项？回复：标题、正文、图片、范围、时间。',
  },
  intro: (kind: NoticeKind) => `好的，写一封${NOTICE_KIND_LABEL[kind]}。随时可回复「取消」放弃、「返回」回上一步。\n`,
  left: '好的，已退出，没有发布。',
  back: '回到上一步。',
  titleNotText: '标题请发文字。',
  titleTooLong: (length: number, max: number) => `标题有 ${length} 个字，请短一些（${max} 字以内）。`,
  bodyNotText: '正文请发文字（图片在下一步）。',
  photoOrSkip: '请发一张图片，或回复「跳过」。',
  badTargets: (r: TargetsReason): string => {
    if (r.code === 'empty') return `发给哪些楼？${TARGETS_EXAMPLE}`
    if (r.code === 'unreadable') return `没看懂「${cut(r.input, 20)}」，${TARGETS_EXAMPLE}`
    return `楼号 ${r.number} 不对，${TARGETS_EXAMPLE}`
  },
  badWhen: (r: WhenReason, timeZone: string) => whenReasonText(r, timeZone),
  unboundBuildings: (numbers: number[]) => `${unbound(numbers)}请重新回复范围。`,
  noGroups: '还没有任何楼栋群绑定。请先在楼栋群里说「绑定 3号楼」，或回复「取消」。',
  previewChoices: '回复「确认」发送，「修改」改一项，「取消」放弃。',
  preview: (p: { kind: NoticeKind; title: string; plan: string; at: Date | null; timeZone: string; photo: boolean; parts: string[] }) => {
    const first = p.parts[0]!.length > PREVIEW_CHARS ? `${cut(p.parts[0]!, PREVIEW_CHARS)}……` : p.parts[0]!
    return [
      `预览：${NOTICE_KIND_LABEL[p.kind]}《${p.title}》`,
      `发往：${p.plan}`,
      `时间：${p.at ? formatClock(p.at, p.timeZone) : '确认后立即发'}`,
      `配图：${p.photo ? '1 张' : '无'}`,
      `正文共 ${p.parts.length} 段，第 1 段开头：`,
      '———',
      first,
      '———',
      composeText.previewChoices,
    ].join('\n')
  },
  timePassed: (at: Date, timeZone: string) => `发送时间 ${formatClock(at, timeZone)} 已经过了。`,
  confirmed: (p: { kind: NoticeKind; code: string; title: string; at: Date | null; timeZone: string; plan: string }) =>
    `已确认：${NOTICE_KIND_LABEL[p.kind]} ${p.code}《${p.title}》${p.at ? `将于 ${formatClock(p.at, p.timeZone)} 发送` : '现在开始发送'}，发往${p.plan}。\n楼组长转发后会回复「已转发」；说「公告状态 ${p.code}」可查看。`,
}

/** Publishing: what can still stop it, and the picture's line in the outbox. */
export const publishText = {
  unboundBuildings: (numbers: number[]) => `${unbound(numbers)}请改「范围」。`,
  noGroups: '还没有任何楼栋群绑定，发不出去。请先在楼栋群里说「绑定 3号楼」。',
  photo: (id: number) => `[图片] ${noticeCode(id)}`,
}

/** 已转发, and the reminders of it. */
export const forwardText = {
  onlyHeads: '谢谢您！「已转发」由楼组长来回复就可以了。',
  inBuildingGroup: '请在您楼栋的群里 @我 说「已转发」。',
  thisBuilding: '本楼',
  notReceived: (building: string, code: string) => `${building}没有收到过公告 G${code}，请核对编号。`,
  nothingToForward: (building: string) => `${building}最近没有要转发的公告。`,
  already: (n: { id: number; title: string }, building: string) => `${noticeCode(n.id)}《${n.title}》${building}已经登记过转发了，谢谢！`,
  thanks: (n: { id: number; title: string }, building: string, name: string) => `收到！${noticeCode(n.id)}《${n.title}》${building}已转发，谢谢${name}。`,
  remind: (n: { kind: string; id: number; title: string }) => `提醒一下：${named(n)}${FORWARD_ASK}谢谢！`,
  headless: (noticeId: number, buildings: string[]) =>
    `公告 ${noticeCode(noticeId)}：${buildings.join('、')}还没有楼组长，没人确认转发。请在这些楼的群里说「楼组长 @某某」。`,
}

/** 公告状态 */
export const noticeStatusText = {
  badCode: '请写公告编号，例如「公告状态 G2」。',
  noSuchNotice: (code: string) => `没有公告 G${code}。`,
  noneYet: '还没有发过公告。',
  report: (p: {
    notice: { kind: string; id: number; title: string; sendAt: Date }
    now: Date
    timeZone: string
    rows: { number: number; confirmedAt: Date | null; confirmedBy: string | null; remindedAt: Date | null }[]
  }): string => {
    const clock = (d: Date) => formatClock(d, p.timeZone)
    const done = p.rows.filter((r) => r.confirmedAt)
    const open = p.rows.filter((r) => !r.confirmedAt)
    const due = p.notice.sendAt > p.now ? `定于 ${clock(p.notice.sendAt)} 发送` : `${clock(p.notice.sendAt)} 发出`
    const lines = [
      `${named(p.notice)}，${due}`,
      `已转发 ${done.length}/${p.rows.length} 栋`,
      ...done.map((r) => `✓ ${buildingLabel(r.number)}（${r.confirmedBy ?? '已删除的用户'} ${clock(r.confirmedAt!)}）`),
    ]
    if (open.length) lines.push(`✗ 未转发：${open.map((r) => `${buildingLabel(r.number)}${r.remindedAt ? '（已提醒）' : ''}`).join('、')}`)
    return lines.join('\n')
  },
}

/** 新建活动 */
export const campaignText = {
  noName: '请带上活动名称，例如「新建活动 2026年冬季微更新」。',
  nameTooLong: (max: number) => `活动名称请短一些（${max} 字以内）。`,
  started: (name: string) => `已开始新一期活动「${name}」。之后的公开信、建议和投票都归入这一期。\n下一步可以说「发布公开信」。`,
}

/** The commands' lines for 帮助 and their refusals. */
export const commandText = {
  usage: {
    forwarded: '已转发 — 公告转给邻居后告诉我',
    campaign: '新建活动 名称 — 开始新一期微更新',
    letter: '发布公开信 — 写好预览后发到各楼群',
    notice: '发布通知 — 同上，发一条通知',
    status: '公告状态 G2 — 看各楼转发了没有',
  },
  act: {
    forwarded: '回复已转发',
    campaign: '新建活动',
    letter: '发布公开信',
    notice: '发布通知',
    status: '查看公告状态',
  },
}
