/** What the bot says about the staff group (居委工作群): binding it, and moving it to another group. */

const nowStaff = (community: string) => `本群现在是「${community}」的居委工作群：群成员就是居委工作人员。说「帮助」看看能做什么。`

export const staffText = {
  usage: {
    bind: '绑定工作群 1234-5678 — 用启动时电脑上显示的绑定码，设本群为居委工作群',
    move: '换工作群 — 在新群里说，再到原工作群说「确认换群」',
    confirmMove: '确认换群 — 在原工作群里确认换到新群',
  },
  act: { bind: '绑定居委工作群', move: '换工作群', confirmMove: '确认换群' },
  refuse: {
    bindWhere: '请在居委工作群里 @我 说「绑定工作群 绑定码」。',
    moveWhere: '请在要当新工作群的群里 @我 说「换工作群」。',
    confirmMoveWhere: '请在原来的居委工作群里 @我 说「确认换群」。',
  },

  /** lines for the operator's terminal (both languages: the operator may not read Chinese) */
  operator: {
    bindCode: (p: { community: string; code: string; botName: string; topic: string }) =>
      `「${p.community}」还没有居委工作群。绑定码 / binding code: ${p.code}\n` +
      `  在居委工作群里 @${p.botName} 说「绑定工作群 ${p.code}」；或把工作群命名为「${p.topic}」（第一个叫这个名字的群自动成为工作群）。`,
    boundByTopic: (topic: string, community: string) => `居委工作群已绑定 / staff group bound: 「${topic}」 → ${community}`,
    topicTaken: (topic: string) => `有群用了工作群的名字，未获权限 / a group took the staff topic and gained nothing: 「${topic}」`,
    boundByCode: (topic: string, community: string) => `居委工作群已用绑定码绑定 / staff group bound by code: 「${topic}」 → ${community}`,
    moved: (from: string, to: string) => `居委工作群已换 / staff group moved: 「${from}」 → 「${to}」`,
  },

  // a group named like the staff group
  boundByTopic: (p: { community: string; topic: string }) =>
    `本群已设为${p.community === p.topic ? '' : `「${p.community}」的`}居委工作群：群成员就是居委工作人员，可以发通知、管项目、开投票。说「帮助」看看能做什么。\n以后别的群改成这个名字也不会成为工作群；要换群，请在新群里说「换工作群」。`,
  topicTaken: (change: 'new' | 'renamed', topic: string) =>
    `提醒：${change === 'new' ? '出现了一个也叫' : '有一个群改名为'}「${topic}」的群，它不是本社区的居委工作群，群里的人没有居委权限。如果是要换工作群，请在新群里说「换工作群」，再回这里确认。`,

  // 绑定工作群
  notBindable: '楼栋群和议事会群不能当居委工作群，请在工作群里说。',
  codeMissing: '请带上启动共建助手时电脑上显示的绑定码，例如「绑定工作群 1234-5678」。',
  codeVoided: '绑定码试错太多次，已作废。请重启共建助手，用电脑上显示的新绑定码。',
  codeWrong: '绑定码不对。绑定码在启动共建助手的电脑上显示（8位数字，只能用一次）。',
  otherCommunity: '本群已是另一个社区的居委工作群。',
  movedByCode: (topic: string) => `居委工作群已用绑定码换到「${topic}」。本群不再是工作群。`,
  nowStaff,

  // 换工作群, 确认换群
  alreadyStaff: '本群已经是居委工作群。',
  notBindableMove: '楼栋群和议事会群不能当居委工作群。',
  communityUnclear: '您在多个社区的工作群里，无法判断要换哪一个，请联系管理员。',
  nothingToMove: '现在没有工作群可换。',
  moveAsked: (name: string, topic: string) => `${name} 申请把居委工作群换到「${topic}」。同意请在本群 @我 说「确认换群」；不同意不用理会，30分钟后作废。`,
  moveRequested: (oldTopic: string) => `好的。请在原来的工作群「${oldTopic}」里 @我 说「确认换群」（30分钟内有效）。确认前本群还不是工作群。`,
  noMovePending: '没有待确认的换群申请（申请30分钟内有效）。请先在新群里说「换工作群」。',
  moved: (topic: string) => `已把居委工作群换到「${topic}」。本群不再是工作群，在本群也不再有居委权限。`,
}
