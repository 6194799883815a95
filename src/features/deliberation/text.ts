import { buildingLabel } from '../../domain/address.js'
import { questionCode, type ChoiceReason, type QuestionSpecReason } from '../../domain/deliberation/question.js'
import type { TargetsReason } from '../../domain/targets.js'

const OPEN_EXAMPLE = '例如「开启议题 3号楼门口水井去留 选项 保留/填平/改成花坛 范围 3号楼 5号楼 截止 12月20日18:00」'
const CHOOSE_EXAMPLE = '例如「选 3 可以种花，孩子们也安全」（写选项号，理由可不写）'
const buildings = (numbers: number[] | null) => (numbers ? numbers.map(buildingLabel).join('、') : '全部楼栋')

function targetsRefusal(r: TargetsReason): string {
  switch (r.code) {
    case 'empty':
      return `「范围」后请写楼栋，${OPEN_EXAMPLE}。`
    case 'unreadable':
      return `范围「${r.input.slice(0, 12)}」没看懂，请写楼栋，如「范围 3号楼 5号楼」。`
    case 'badNumber':
      return `没有 ${r.number} 号楼，请核对范围。`
  }
}

export interface OptionCount {
  number: number
  text: string
  count: number
  reasons: { text: string; building: number | null }[]
}

const counts = (options: OptionCount[]) => options.map((o) => `${o.number}. ${o.text} ${o.count} 户`).join('；')

/** What the bot says about questions (议题), representatives (居民代表) and their words. */
export const deliberationText = {
  usage: {
    open: '开启议题 水井去留 选项 保留/填平/改成花坛 范围 3号楼 截止 12月20日18:00 — 圆桌议事的议题',
    choose: '选 3 理由 — 对议题选一项（可附理由）',
    show: '议题 Q1 — 看各选项的户数和理由',
    minutes: '议题纪要 Q1 会议纪要… — 把议事会纪要（可跟照片）发到相关楼栋群',
    conclude: '议题结论 Q1 改成花坛 理由… — 公布议题的结论',
    representative: '居民代表 @张三 — 设居民代表（楼栋群里说，或写楼栋）；「居民代表」看名单；「居民代表 @张三 取消」撤销',
  },
  act: {
    open: '开启议题',
    choose: '对议题选择',
    show: '查看议题',
    minutes: '发布议题纪要',
    conclude: '公布议题结论',
    representative: '设居民代表',
  },

  // opening
  specRefusal: (r: QuestionSpecReason): string => {
    switch (r.code) {
      case 'noTitle':
        return `请先写议题，再写选项，${OPEN_EXAMPLE}。`
      case 'noOptions':
        return `请写「选项」，用 / 分开，${OPEN_EXAMPLE}。`
      case 'tooFewOptions':
        return '至少要有两个选项，用 / 分开，如「选项 保留/填平」。'
      case 'tooManyOptions':
        return `选项最多 ${r.max} 个，请合并几项。`
      case 'longOption':
        return `每个选项最多 ${r.max} 个字，请写短一些。`
      case 'sameOption':
        return `选项「${r.option.slice(0, 10)}」写了两次，请去掉一个。`
      case 'longTitle':
        return `议题最多 ${r.max} 个字，请写短一些。`
      case 'noDeadline':
        return `请写截止时间，${OPEN_EXAMPLE}。`
      case 'targets':
        return targetsRefusal(r.reason)
    }
  },
  deadline: (why: string) => `截止时间：${why}`,
  deadlineNow: '截止时间要在以后，例如「截止 12月20日18:00」。',
  unboundBuildings: (numbers: number[]) => `${numbers.map(buildingLabel).join('、')}还没有绑定的楼栋群，请先在那里说「绑定」或改范围。`,
  noGroups: '还没有绑定任何楼栋群，请先在楼栋群里说「绑定 3号楼」。',
  announcement: (p: { id: number; title: string; options: string[]; buildings: number[] | null; closes: string }) =>
    [
      `【议题 ${questionCode(p.id)}】${p.title}`,
      '请各户从下面选一项，可以写上理由：',
      ...p.options.map((o, i) => `${i + 1}. ${o}`),
      `范围：${buildings(p.buildings)}已登记并经楼组长确认的住户，每户一选。截止：${p.closes}。`,
      `@我 说「选 1 理由」（写选项号，理由可不写），或引用本条回复「1 理由」；截止前可以改选，以最后一次为准。理由公布时不显示姓名。`,
    ].join('\n'),
  opened: (p: { id: number; options: number; buildings: number[] | null; closes: string; groups: number }) =>
    `已开启议题 ${questionCode(p.id)}：${p.options} 个选项，范围 ${buildings(p.buildings)}，截止 ${p.closes}。已发到 ${p.groups} 个群。说「议题 ${questionCode(p.id)}」看各选项的理由。`,

  // choosing
  chooseWhere: '请在您楼栋的群里 @我 选择，或私聊我。',
  noOpenQuestion: '现在没有进行中的议题。',
  voteInstead: '现在没有进行中的议题。给项目投票请说「投票 3 7」（写项目号）。',
  noQuestionForYou: '现在没有请您所在楼栋选择的议题。',
  whichQuestion: (codes: string[]) => `现在有几个议题：${codes.join('、')}。请写上编号，如「选 ${codes[0]} 1」。`,
  noSuchQuestion: (id: number) => `没有议题 ${questionCode(id)}。`,
  notYourBuilding: (id: number, numbers: number[] | null) => `议题 ${questionCode(id)} 只请${buildings(numbers)}的住户选择。`,
  questionClosed: (id: number, at: string) => `议题 ${questionCode(id)} 已于 ${at} 截止，不能再选了。`,
  unregistered: '选择要先登记门牌：请说「登记 3号楼 502」，楼组长确认后就能选。',
  unconfirmed: '您的登记还没经楼组长确认，确认后就能选。',
  choiceRefusal: (r: ChoiceReason, options: string[]): string => {
    switch (r.code) {
      case 'empty':
        return `请写选项号，${CHOOSE_EXAMPLE}。`
      case 'unreadable':
        return `没看懂选哪一项，请写选项号（1–${options.length}），${CHOOSE_EXAMPLE}。`
      case 'noSuchOption':
        return `没有第 ${r.number} 项，这个议题有 1–${r.count} 项。`
    }
  },
  /** in a group only that a choice came in (others need not see it); the option is told in private */
  chosenInGroup: (p: { id: number; replaced: boolean }) => `已收到您家的${p.replaced ? '改选' : '选择'}（议题 ${questionCode(p.id)}）。截止前可以改选。`,
  chosenPrivate: (p: { id: number; option: number; text: string; reason: boolean; replaced: boolean }) =>
    `已记下${p.replaced ? '（改选）' : ''}：议题 ${questionCode(p.id)} 选 ${p.option}. ${p.text}${p.reason ? '，理由已记下' : ''}。截止前可以改选，以最后一次为准。`,

  // showing (staff)
  showUsage: '请写议题编号，如「议题 Q1」。',
  noQuestionYet: '还没有开过议题。',
  summary: (p: { id: number; title: string; open: boolean; closes: string; chose: number; eligible: number; options: OptionCount[]; outcome: string | null }) =>
    [
      `【议题 ${questionCode(p.id)}】${p.title}（${p.open ? `进行中，${p.closes} 截止` : '已截止'}）`,
      `共 ${p.chose} 户选择（范围内已确认 ${p.eligible} 户）：`,
      ...p.options.flatMap((o) => [
        `${o.number}. ${o.text}：${o.count} 户`,
        ...o.reasons.slice(0, 8).map((r) => `  · ${r.text}${r.building === null ? '' : `（${buildingLabel(r.building)}）`}`),
        ...(o.reasons.length > 8 ? [`  · 还有 ${o.reasons.length - 8} 条理由，见「导出」`] : []),
      ]),
      ...(p.outcome ? [`结论：${p.outcome}`] : []),
    ].join('\n'),

  // minutes and conclusion
  minutesUsage: '请写议题编号和纪要，如「议题纪要 Q1 大家同意改成花坛，下周请绿化所看现场」。',
  minutes: (p: { id: number; title: string; body: string }) => `【议题纪要 ${questionCode(p.id)}】${p.title}\n${p.body}`,
  minutesPosted: (p: { id: number; groups: number; minutes: number }) =>
    `议题 ${questionCode(p.id)} 的纪要已发到 ${p.groups} 个群。现场照片请在 ${p.minutes} 分钟内接着发，会跟在纪要后面；发完说「好了」。`,
  minutesPhoto: (id: number) => `[议题纪要照片] ${questionCode(id)}`,
  firstPhoto: '收到照片，会跟在纪要后面发出。还有就接着发，发完说「好了」。',
  photosDone: (n: number) => (n ? `好的，${n} 张照片已跟在纪要后面。` : '好的。'),
  concludeUsage: '请写议题编号和结论，如「议题结论 Q1 改成花坛 理由 多数住户选了花坛，也最安全」。',
  conclusion: (p: { id: number; title: string; outcome: string; reason: string | null; chose: number; eligible: number; options: OptionCount[] }) =>
    [
      `【议题结论 ${questionCode(p.id)}】${p.title}`,
      `结论：${p.outcome}${p.reason ? `。理由：${p.reason}` : ''}`,
      `各选项：${counts(p.options)}（共 ${p.chose} 户选择，范围内已确认 ${p.eligible} 户）。`,
      ...(p.options.some((o) => o.reasons.length) ? ['住户的理由（摘录，不具名）：'] : []),
      ...p.options.filter((o) => o.reasons.length).map((o) => `${o.text}：${o.reasons.map((r) => `「${r.text}」`).join('')}`),
    ].join('\n'),
  concluded: (p: { id: number; groups: number; closedNow: boolean }) =>
    `议题 ${questionCode(p.id)} 的结论已发到 ${p.groups} 个群。${p.closedNow ? '议题已随之截止，不再接受选择。' : ''}`,
  closedForStaff: (p: { id: number; title: string; chose: number; eligible: number; options: OptionCount[] }) =>
    `议题 ${questionCode(p.id)}「${p.title}」已截止：${counts(p.options)}（共 ${p.chose} 户，范围内 ${p.eligible} 户）。说「议题 ${questionCode(p.id)}」看理由，「议题结论 ${questionCode(p.id)} …」公布结论。`,

  // representatives
  representativeWhere: '请在该楼栋群里 @ 要设的人，或在工作群写上楼栋，如「居民代表 @张三 3号楼」。',
  representativeWho: '请 @ 要设为居民代表的人，如「居民代表 @张三」。',
  representativeBuilding: '请写楼栋，如「居民代表 @张三 3号楼」，或在该楼栋群里说。',
  representativesAppointed: (names: string[], building: number) => `好的，${names.join('、')} 是${buildingLabel(building)}的居民代表了。`,
  alreadyRepresentative: (names: string[], building: number) => `${names.join('、')} 已经是${buildingLabel(building)}的居民代表。`,
  tellRepresentative: (building: number) =>
    `您已被设为${buildingLabel(building)}的居民代表。居民代表会议表决时（决议公告会写明「居民代表表决」），请 @我 或私聊我说「同意」或「不同意」。`,
  representativesRevoked: (names: string[]) => `已撤销 ${names.join('、')} 的居民代表。`,
  notRepresentatives: (names: string[]) => `${names.join('、')} 不是居民代表。`,
  representativesNone: '还没有居民代表。在楼栋群里说「居民代表 @张三」来设。',
  representativesList: (rows: { building: number | null; names: string[] }[], total: number) =>
    [`居民代表（共 ${total} 人）：`, ...rows.map((r) => `· ${r.building === null ? '' : buildingLabel(r.building)}：${r.names.join('、')}`)].join('\n'),

  // export
  sheet: {
    name: '议题',
    columns: [
      { header: '议题', width: 6 },
      { header: '标题', width: 24 },
      { header: '状态', width: 8 },
      { header: '截止', width: 17 },
      { header: '选项', width: 16 },
      { header: '户数', width: 7 },
      { header: '理由（不具名）', width: 60 },
      { header: '结论', width: 24 },
    ],
  },
  status: { open: '进行中', closed: '已截止' } as Record<string, string>,
}
