import { buildingLabel, neighbourName } from '../../domain/address.js'
import { projectCode } from '../../domain/codes.js'
import { suggestionCode } from '../../domain/suggestions/code.js'
import type { PlaceReason } from '../../domain/suggestions/understand.js'
import { cut } from '../../domain/text.js'
import { formatClock } from '../../domain/time/index.js'

const PLACE_EXAMPLE = '例如「3号楼门口」「小区大门」「车棚」'
const SEE_PROGRESS = '说「我的建议」可查看进展。'
const SEE_CODES = '说「我的建议」可查编号。'
const CONFIRM_CHOICES = '没问题回复「提交」；要改回复「修改」。'

/** The number as typed, unless it is too long to repeat back. */
const shown = (digits: string): string => {
  const trimmed = digits.replace(/^0+(?=\d)/, '')
  return trimmed.length > 6 ? '' : ` ${trimmed}`
}

/** What the bot says while a suggestion is taken in (建议, 代提建议). */
export const intakeText = {
  wrongRoom: '请在您楼栋的群里 @我 说「建议」。',
  prompt: {
    proxy: '替哪位邻居提？请说称呼和楼号，例如「王奶奶 3号楼」（门牌不用说）。',
    what: '请说说是什么问题，例如「3号楼门口路灯坏了，晚上很黑」（打字不方便可以发语音）。',
    /** the building likely meant, and a place of a building said without one ("门口") */
    where: (building: number | undefined, hint: string | undefined) => {
      if (building && hint) return `是${buildingLabel(building)}${hint}吗？是就回复「是」，不是请说在哪里，例如「5号楼${hint}」。`
      return `在哪里？${PLACE_EXAMPLE}。${building ? `如果就在${buildingLabel(building)}，回复「是」。` : ''}`
    },
    floor: (n: number) => `您说的「${n}楼」是${n}号楼，还是${n}层？请回复「${n}号楼」或「${n}层」。`,
    photo: '有照片吗？直接发图片（可以发几张），发完回复「好了」；没有就回复「跳过」。',
    confirm: (s: { problem: string; place: string | null; category: string; photos: number; proxyFor?: string; proxyBuilding?: number }) =>
      [
        '请核对：',
        `问题：${s.problem}`,
        `地点：${s.place ?? '未说明'}`,
        `类别：${s.category}`,
        `照片：${s.photos ? `${s.photos} 张` : '无'}`,
        ...(s.proxyFor ? [`代：${s.proxyFor}${s.proxyBuilding ? `（${buildingLabel(s.proxyBuilding)}）` : ''}`] : []),
        CONFIRM_CHOICES,
      ].join('\n'),
    edit: '改哪一项？回复：问题、地点、照片。',
  },
  resume: (problem: string | undefined) => `您有一条没提交的建议${problem ? `「${cut(problem, 20)}」` : ''}。接着填回复「继续」，重新开始回复「重来」。`,
  resumeChoices: '回复「继续」接着填，或「重来」重新开始。',
  /** a photo sent at another step than the photo one */
  photoKept: (count: number) => `收到照片（共 ${count} 张）。`,
  photoReceived: (count: number) => `收到第 ${count} 张。还有就接着发，发完回复「好了」。`,
  confirmChoices: CONFIRM_CHOICES,
  place: (reason: PlaceReason): string => {
    switch (reason.code) {
      case 'empty':
        return `请说一下在哪里，${PLACE_EXAMPLE}。`
      case 'building':
        return `楼号${shown(reason.written)} 不对，请写 1 到 ${reason.max} 之间的楼号。`
      case 'dontKnow':
        return `大概在哪里都可以，${PLACE_EXAMPLE}；说不准就回复「小区里」。`
      case 'unreadable':
        return `没看懂这个地点，${PLACE_EXAMPLE}。`
      case 'tooLong':
        return `地点说短一点就好，${PLACE_EXAMPLE}。`
    }
  },
  sameThing: (id: number, problem: string) => `这条和 ${suggestionCode(id)}「${cut(problem, 30)}」是同一件事吗？回复「是」或「不是」。`,
  yesOrNo: '请回复「是」或「不是」。',
  supported: (id: number) => `好的，已记在 ${suggestionCode(id)} 上，您的话也留下了。${SEE_PROGRESS}`,
  recorded: (s: { id: number; category: string; place: string | null; proxyFor?: string }) =>
    `已记录${s.proxyFor ? `（代${s.proxyFor}）` : ''}，编号 ${suggestionCode(s.id)}（${s.category}${s.place ? ` · ${s.place}` : ''}）。${SEE_PROGRESS}`,
  /** a voice message as the "what": what is stored and shown until someone types its words in (代听) */
  voiceProblem: (seconds: number | null) => `（语音${seconds ? ` ${seconds}秒` : ''}，待代听）`,
  voiceOnlyWhat: '语音我还听不懂，这一步请打字回答。',
  recordedVoice: (s: { id: number; place: string | null; heads: string[] }) =>
    `已记录您的语音建议，编号 ${suggestionCode(s.id)}${s.place ? `（${s.place}）` : ''}。我还听不懂语音，已转给${s.heads.length ? `楼组长${s.heads.join('、')}和` : ''}居委，他们听后会帮您记成文字。${SEE_PROGRESS}`,
  left: '好的，已退出，没有记录。',
  timedOut: '刚才的建议太久没回复，已结束。需要时请再说「建议」。',
  draftSaved: '您的建议还没提交，已存为草稿。想接着填，请说「建议」。',
}

const STATUS: Record<string, string> = { open: '已记录，等汇总', withdrawn: '已撤回' }
const VERB = { withdraw: '撤回', correct: '修改' } as const
export type OwnAction = keyof typeof VERB

/** 我的建议, 撤回 J12, 修改 J12 … */
export const mineText = {
  status: (s: { status: string; projectId: number | null }) =>
    s.status === 'merged' && s.projectId !== null ? `已并入 ${projectCode(s.projectId)}` : (STATUS[s.status] ?? s.status),
  none: '您还没有提过建议。说「建议」就可以提。',
  list: (p: {
    own: { id: number; problem: string; proxyFor: string | null; status: string; supports: number }[]
    backed: { id: number; problem: string; status: string }[]
    open: number | undefined
  }) =>
    [
      '您的建议：',
      ...p.own.map((s) => {
        const proxy = s.proxyFor ? `（代${neighbourName(s.proxyFor)}）` : ''
        return `· ${suggestionCode(s.id)} ${cut(s.problem, 24)}${proxy} — ${s.status}${s.supports ? `，${s.supports} 人附议` : ''}`
      }),
      ...p.backed.map((s) => `· ${suggestionCode(s.id)} ${cut(s.problem, 24)} — 您附议过，${s.status}`),
      ...(p.open !== undefined ? [`要撤回说「撤回 ${suggestionCode(p.open)}」，要改说「修改 ${suggestionCode(p.open)} 新的说法」。`] : []),
    ].join('\n'),
  needCode: (action: OwnAction) => `请写编号，例如「${VERB[action]} J12」。${SEE_CODES}`,
  /** the number as typed (J007 stays J007) */
  notYours: (number: string) => `没有找到您提的 J${number}。${SEE_CODES}`,
  closed: (id: number, status: string, action: OwnAction) => `${suggestionCode(id)} ${status}，不能再${VERB[action]}了。`,
  withdrawn: (id: number, problem: string) => `已撤回 ${suggestionCode(id)}「${cut(problem, 20)}」。`,
  needWords: (id: number) => `请在编号后写新的说法，例如「修改 ${suggestionCode(id)} 3号楼门口两盏路灯都坏了」。`,
  corrected: (id: number, words: string, category: string) => `已改好 ${suggestionCode(id)}：${cut(words, 40)}（${category}）。`,
}

/** 建议列表 and the morning digest. */
export const reportText = {
  /** the heading a suggestion is listed under */
  where: (building: number | null) => (building !== null ? buildingLabel(building) : '公共区域'),
  entry: (s: { id: number; problem: string; proxyFor: string | null; by: string | null }) =>
    `${suggestionCode(s.id)} ${cut(s.problem, 24)}（${s.proxyFor ? `代${neighbourName(s.proxyFor)}` : (s.by ?? '已删除的用户')}）`,
  report: (p: { fresh: number; supports: number; since: Date | null; timeZone: string; groups: [string, [string, string[]][]][]; pairs: [number, number][] }) => {
    const since = p.since ? `${formatClock(p.since, p.timeZone)} 以来` : '至今'
    const lines = [`新建议 ${p.fresh} 条（${since}）${p.supports ? `，另有 ${p.supports} 次附议` : ''}：`]
    for (const [where, byCategory] of p.groups) {
      lines.push(`【${where}】`)
      for (const [category, list] of byCategory) lines.push(`${category}：${list.join('；')}`)
    }
    if (p.pairs.length) lines.push(`可能是同一件事（请核对）：${p.pairs.map(([a, b]) => `${suggestionCode(a)} 与 ${suggestionCode(b)}`).join('；')}`)
    return lines.join('\n')
  },
  nothingNew: '上次查看以来没有新建议。看全部请说「建议列表 全部」。',
  digest: (report: string) => `早上好，今日建议汇总。\n${report}`,
}

/** 代听: a voice suggestion passed on to be listened to, and its words typed in. */
export const voiceText = {
  /** to the staff group and the building's heads, before the recording */
  passOn: (p: { code: string; place: string | null; from: string; seconds: number | null }) =>
    `【语音建议 ${p.code}】${p.from} 发来一段语音${p.seconds ? `（${p.seconds}秒）` : ''}${p.place ? `，地点：${p.place}` : ''}。我还听不懂语音，听后请回复「代听 ${p.code} 听到的内容」记成文字。`,
  caption: (code: string) => `语音建议 ${code} 的录音`,
  needCode: '请写编号和听到的内容，例如「代听 J12 3号楼门口路灯坏了」。只写编号会把录音再发给您。',
  notFound: (code: string) => `没有找到 ${code}。`,
  notVoice: (code: string) => `${code} 不是语音建议，不用代听。`,
  notYourBuilding: (code: string) => `${code} 不在您的楼栋，请居委或那栋楼的楼组长代听。`,
  resent: (code: string) => `${code} 的录音在下面，听后请回复「代听 ${code} 听到的内容」。`,
  heard: (p: { code: string; words: string; category: string; again: boolean }) =>
    `${p.again ? '已更新' : '已记下'} ${p.code}：${cut(p.words, 40)}（${p.category}）。提建议的人会收到这段文字，可以自己「修改」。`,
  /** to the person who said it, privately */
  tellSpeaker: (p: { code: string; words: string; by: string }) =>
    `您的语音建议 ${p.code} 已由${p.by}记为：「${cut(p.words, 60)}」。说得不对可以回复「修改 ${p.code} 正确的说法」。`,
  /** who typed it in, as the speaker hears it */
  byHead: (name: string) => `楼组长${name}`,
  byStaff: (name: string) => `居委${name}`,
}

/** The commands' words in 帮助 and in refusals. */
export const commandText = {
  usage: {
    suggest: '建议 — 说说哪里需要改进，如「建议 3号楼门口路灯坏了」',
    mine: '我的建议 — 我提的建议到哪一步了（项目见「进度」）',
    withdraw: '撤回 J12 — 撤回自己的建议',
    correct: '修改 J12 新的说法 — 改自己的建议',
    proxy: '代提建议 — 替不在群里的邻居提',
    list: '建议列表 — 新收到的建议，按楼和类别',
    hear: '代听 J12 听到的内容 — 替发语音的居民记成文字',
  },
  act: {
    suggest: '提建议',
    mine: '查看自己的建议',
    withdraw: '撤回建议',
    correct: '修改建议',
    proxy: '代提建议',
    list: '查看建议列表',
    hear: '代听语音建议',
  },
  refuse: {
    proxy: '「代提建议」是楼组长替不在群里的邻居提的。您自己的建议请说「建议」。',
  },
}
