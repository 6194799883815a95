import { buildingLabel } from '../../domain/address.js'
import { projectCode, roundCode } from '../../domain/codes.js'
import { STAGE_LABEL } from '../../domain/implementation/stages.text.js'
import type { PosterTargetReason } from '../../domain/posters/target.js'

/**
 * The words of the printable posters (公示 T1 / 公示 P3) and the closing report (结项报告). A poster
 * goes up on the lobby board: it names no resident and shows no door number.
 */

const per = (p: string) => (p === 'person' ? '人' : '户')
const orNone = (x: string | null | undefined) => (x === null || x === undefined || x === '' ? '暂无' : x)
const fixed1 = (x: number | null) => (x === null ? '—' : x.toFixed(1))

export const posterText = {
  usage: {
    poster: '公示 T1 / 公示 P3 — 投票结果或项目进度的 A4 公示海报（PDF 和图片），发到工作群打印张贴',
    closing: '结项报告 — 本期各楼参与、项目阶段、从建议到完工的用时（PDF、图片；导出表里也有）',
  },
  act: { poster: '生成公示海报', closing: '生成结项报告' },
  reason: (r: PosterTargetReason): string =>
    r.code === 'both' ? '一次公示一项：请说「公示 T1」或「公示 P3」。' : '请说要公示哪一项，例如「公示 T1」（投票结果）或「公示 P3」（项目进度）。',
  noRound: (id: number) => `没有投票 ${roundCode(id)}。`,
  roundOpen: (id: number) => `${roundCode(id)} 还没结束，截止后才能公示结果。`,
  noProject: (id: number) => `没有项目 ${projectCode(id)}。`,
  noFont: '找不到中文字体，无法生成海报：请设置 GONGJIAN_CJK_FONT。',
  /** said where 公示 / 结项报告 was asked */
  sent: (p: { what: string; pdfKb: number; pngKb: number; toStaffGroup: boolean; dropped: number }) =>
    `${p.what}已生成：PDF ${p.pdfKb}KB、图片 ${p.pngKb}KB，${p.toStaffGroup ? '已发到工作群' : '发在这里'}，可打印张贴在楼道公告栏。` +
    (p.dropped ? `版面放不下的 ${p.dropped} 项没有印上。` : ''),
  fileName: (what: string, date: string, ext: 'pdf' | 'png') => `${what}-${date}.${ext}`,
  fileLine: (name: string) => `[文件] ${name}`,
  overflow: '（版面有限，其余内容见群内消息）',
  footer: (p: { community: string; date: string }) => `${p.community} · ${p.date} 公示 · 如有意见，请在楼栋群里说，或到居委会反映。`,
  /** 2026年12月21日 */
  date: (w: { year: number; month: number; day: number }) => `${w.year}年${w.month}月${w.day}日`,

  round: {
    what: (id: number) => `${roundCode(id)} 公示海报`,
    file: (id: number) => `公示-${roundCode(id)}`,
    title: (kind: string, id: number) =>
      `公示：${{ resident: '居民投票结果', council: '议事会评议结果', resolution: '决议结果', acceptance: '完工验收结果' }[kind] ?? '投票结果'} ${roundCode(id)}`,
    subtitle: (p: { voters: number; per: string; closed: string }) => `共 ${p.voters} ${per(p.per)}参与 · ${p.closed} 截止`,
    ranking: '排名',
    rankingColumns: { rank: '名次', project: '项目', votes: '得票', supporters: '投票户数' },
    rankingSupporters: (per_: string) => (per_ === 'person' ? '投票人数' : '投票户数'),
    result: '结果',
    plan: '谁来做、何时完成',
    planColumns: { rank: '名次', project: '项目', partner: '承办单位', due: '预计完成', percent: '进度' },
    unassigned: '待派单',
    dash: '—',
    project: (id: number, name: string) => `${projectCode(id)} ${name}`,
    percent: (n: number) => `${n}%`,
  },

  project: {
    what: (id: number) => `${projectCode(id)} 公示海报`,
    file: (id: number) => `公示-${projectCode(id)}`,
    title: (id: number, name: string) => `公示：${projectCode(id)} ${name}`,
    subtitle: (p: { stage: string; percent: number; last: string | null }) =>
      `${STAGE_LABEL[p.stage] ?? p.stage} · 完成 ${p.percent}% · 最近更新 ${orNone(p.last)}`,
    facts: '项目情况',
    factColumns: { item: '事项', value: '情况' },
    stage: '阶段',
    stageValue: (stage: string) => STAGE_LABEL[stage] ?? stage,
    percent: '完成进度',
    percentValue: (n: number) => `${n}%`,
    partner: '承办单位',
    window: '工期',
    windowValue: (p: { starts: string; due: string } | null) => (p ? `${p.starts} 至 ${p.due}` : '待派单'),
    buildings: '涉及楼栋',
    buildingsValue: (list: number[]) => (list.length ? list.map(buildingLabel).join('、') : '全小区'),
    residents: '居民建议',
    residentsValue: (p: { suggestions: number; supporters: number }) => `${p.suggestions} 条建议，${p.supporters} 人提到`,
    acceptance: '验收评价',
    acceptanceValue: (p: { raters: number; average: number | null; open: boolean }) =>
      p.open ? `评价进行中，已有 ${p.raters} 户评价` : p.average === null ? '无人评价' : `${p.raters} 户评价，平均 ${p.average.toFixed(1)} 分`,
    none: '暂无',
    updates: '最近进展',
    update: (p: { day: string; percent: number; note: string }) => `${p.day}  完成 ${p.percent}%  ${p.note}`.trim(),
    noUpdates: '还没有进度报告。',
    photos: '现场照片',
  },

  closing: {
    what: '结项报告',
    file: '结项报告',
    title: (campaign: string | null) => `结项报告：${campaign ?? '本期微更新'}`,
    subtitle: (p: { projects: number; suggestions: number }) => `${p.projects} 个项目 · ${p.suggestions} 户提了建议`,
    participation: '各楼参与（户）',
    participationColumns: { building: '楼栋', registered: '登记', suggested: '提建议', voted: '投票', rated: '评价', satisfaction: '满意度' },
    building: (n: number | null) => (n === null ? '楼栋不明' : buildingLabel(n)),
    total: '合计',
    satisfaction: fixed1,
    stages: '项目阶段',
    stageColumns: { stage: '阶段', count: '项目数' },
    stageLabel: (stage: string) => STAGE_LABEL[stage] ?? stage,
    durations: '从建议到完工',
    durationColumns: { project: '项目', days: '用时（天）' },
    days: fixed1,
    durationSummary: (p: { finished: number; median: number | null; mean: number | null }) =>
      p.finished ? `已完工 ${p.finished} 个项目，从第一条建议到完工：中位数 ${fixed1(p.median)} 天，平均 ${fixed1(p.mean)} 天。` : '还没有完工的项目。',
    /** the export's sheet */
    sheet: {
      name: '结项指标',
      columns: { section: '类别', item: '对象', measure: '指标', value: '数值' },
      sections: { participation: '各楼参与（本期）', stage: '项目阶段', duration: '建议到完工' },
      measures: { registered: '登记户数', confirmed: '已确认户数', suggested: '提建议户数', voted: '投票户数', rated: '评价户数', satisfaction: '平均满意度', projects: '项目数', days: '用时（天）', median: '中位数（天）', mean: '平均（天）', finished: '已完工项目数' },
      all: '全部',
    },
  },
}
