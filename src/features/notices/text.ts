import { cut } from '../../domain/text.js'
import { NOTICE_KIND_LABEL, type NoticeKind } from '../../domain/noticeText.js'
import { formatClock } from '../../domain/time.js'

const PREVIEW_CHARS = 300

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
  unboundBuildings: (numbers: number[]) => `${numbers.map((n) => `${n}号楼`).join('、')}还没有绑定的群，发不到。请重新回复范围。`,
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
