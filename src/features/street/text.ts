/** What the bot says at the street level (街道推进办): its group, summaries across communities, street notices. */

const NOTICE_EXAMPLE = '街道通知 本周六上午全街道开展环境整治'

export const streetText = {
  usage: {
    summary: '街道汇总 — 各社区的项目、逾期、未派单，以及跨社区同期施工的部门',
    plans: '街道计划 — 各社区的行动计划',
    conflicts: '街道冲突 — 同一部门在几个社区同期施工',
    notice: `${NOTICE_EXAMPLE} — 发到全街道每个社区的楼栋群和工作群`,
  },
  act: { summary: '看街道汇总', plans: '看各社区的行动计划', conflicts: '看跨社区冲突', notice: '发全街道通知' },

  /** lines for the operator's terminal (both languages: the operator may not read Chinese) */
  operator: {
    bound: (topic: string) => `街道推进办群已绑定 / street group bound: 「${topic}」`,
    topicTaken: (topic: string) => `有群用了街道推进办群的名字，未获权限 / a group took the street topic and gained nothing: 「${topic}」`,
  },
  bound: (communities: number) =>
    `本群已设为街道推进办群：群成员就是街道工作人员，能看全部${communities}个社区的汇总、行动计划和跨社区冲突，能发全街道通知。说「帮助」看看能做什么。\n以后别的群改成这个名字也不会成为推进办群。`,
  topicTaken: (change: 'new' | 'renamed', topic: string) =>
    `提醒：${change === 'new' ? '出现了一个也叫' : '有一个群改名为'}「${topic}」的群，它不是街道推进办群，群里的人没有街道权限。`,

  noCommunities: '还没有社区。每个社区的居委工作群绑定后，这里就能看到它。',
  /** 【街道汇总】 then one line per community */
  summaryHeader: (communities: number) => `【街道汇总】${communities}个社区`,
  communityLine: (p: { name: string; projects: number; active: number; overdue: { code: string; partner: string }[]; unassigned: number }) => {
    if (!p.projects) return `· ${p.name}：还没有项目`
    const parts = [`项目${p.projects}个`, `在做${p.active}`]
    if (p.overdue.length) parts.push(`逾期${p.overdue.length}（${p.overdue.map((o) => `${o.code} ${o.partner}`).join('、')}）`)
    if (p.unassigned) parts.push(`未派单${p.unassigned}`)
    return `· ${p.name}：${parts.join('，')}`
  },
  noOverlaps: '没有部门在几个社区同期施工。',
  overlapsHeader: '跨社区同期施工（同一部门）：',
  /** 城管科：幸福里 P3（12月1日—12月20日）、安康 P7（12月5日—12月30日） */
  overlapLine: (p: { partner: string; works: { community: string; code: string; from: string; until: string }[] }) =>
    `· ${p.partner}：${p.works.map((w) => `${w.community} ${w.code}（${w.from}—${w.until}）`).join('、')}`,
  overlapsTail: '请和这些部门确认人手和时间，必要时错开。',
  plansHeader: (communities: number) => `【各社区行动计划】${communities}个社区`,
  planSection: (name: string, body: string) => `〔${name}〕\n${body}`,
  noPlan: '还没有项目',
  morePlan: (n: number) => `……还有${n}项，请到该社区工作群看「派单」`,

  noticeMissing: `请写上通知内容，例如「${NOTICE_EXAMPLE}」。`,
  noticeNoGroups: '还没有社区的群可以发：各社区的工作群和楼栋群绑定后才能发全街道通知。',
  noticeTitle: '街道通知',
  /** the community's staff group hears what went to its groups, under which code */
  noticeToStaff: (p: { id: number; body: string }) => `街道推进办发了通知 G${p.id} 到本社区的楼栋群：「${[...p.body].slice(0, 40).join('')}${[...p.body].length > 40 ? '…' : ''}」。楼组长转发后会回「已转发」，进度见「公告状态 G${p.id}」。`,
  noticeSent: (p: { communities: number; groups: number; accounts: number; minutes: number }) =>
    `街道通知已排队发出：${p.communities}个社区、${p.groups}个群，${p.accounts}个机器人账号同时发，约${p.minutes <= 1 ? '1分钟' : `${p.minutes}分钟`}发完（微信限速）。`,
}
