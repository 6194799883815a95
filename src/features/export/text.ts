/** The words of the staff export (导出): the workbook's sheets and labels, and the summary said with it. */

const ERASED = '（已删除）'
const OPEN = '进行中'

export const exportText = {
  creator: '共建',
  fileName: (date: string) => `共建-导出-${date}.xlsx`,
  /** the outbox's line for the file message */
  fileLine: (fileName: string) => `[文件] ${fileName}`,
  /** a person who has been erased, where their name was */
  erased: ERASED,
  // the chat never shows a ranking before the deadline; the file (easily forwarded) does the same
  withheld: '截止后公布',
  unknownBuilding: '楼栋不明',
  total: '合计',
  per: { person: '人', household: '户', representative: '居民代表' },
  /** an acceptance round's result while it is open */
  open: OPEN,
  suggestionStatus: { open: '待汇总', merged: '已并入', withdrawn: '已撤回' } as Record<string, string>,
  roundKind: { resident: '居民投票', council: '议事会评议', resolution: '决议表决', acceptance: '验收评价' } as Record<string, string>,
  roundStatus: { open: OPEN, closed: '已结束' } as Record<string, string>,
  outcome: { accepted: '通过', rework: '未通过', unrated: '无人评价' },
  /** 代提: the head who typed it in for a neighbour (only the neighbour's name, never the door) */
  /** a voice suggestion: its length, and whether someone typed its words in (the recording went to the staff group) */
  voice: (p: { heard: boolean; kept: boolean }) => `${p.kept ? '有录音（见工作群，或「代听 编号」再听）' : '录音已删除'}，${p.heard ? '已代听' : '待代听'}`,
  coords: (lat: number, lng: number) => `${lat},${lng}`,
  proxied: (head: string | null, neighbour: string) => `${head !== null ? `楼组长${head}` : ERASED}代${neighbour}`,
  score: (k: number) => `${k}分`,

  sheets: {
    suggestions: {
      name: '建议',
      columns: { code: '编号', at: '提交时间', building: '楼栋', place: '地点', category: '类别', problem: '内容', status: '状态', project: '所属项目', supports: '附议人数', author: '提建议人', voice: '语音', coords: '位置坐标' },
    },
    projects: {
      name: '项目',
      columns: {
        code: '编号',
        name: '名称',
        suggestions: '建议数',
        mentioned: '提到的人数',
        buildings: '涉及楼栋',
        stage: '阶段',
        percent: '进度 (%)',
        partner: '承办单位',
        starts: '开工',
        due: '预计完成',
        cost: '费用 (元)',
        changed: '最近更新',
        satisfaction: '满意度',
      },
    },
    rounds: {
      name: '投票',
      columns: {
        round: '轮次',
        kind: '类型',
        status: '状态',
        per: '计票',
        closes: '截止',
        project: '项目',
        dots: '得票',
        voters: '投票户/人数',
        urgency: '平均紧迫',
        importance: '平均重要',
        yes: '同意',
        no: '不同意',
        rating: '平均分',
        raters: '评价户数',
      },
    },
    progress: {
      name: '进度',
      columns: { project: '项目', at: '时间', percent: '进度 (%)', note: '说明', photos: '照片数', by: '更新人' },
    },
    acceptance: {
      name: '验收',
      columns: { round: '轮次', project: '项目', closes: '截止', status: '状态', raters: '评价户数', rating: '平均分', line: '通过线', result: '结果', comments: '居民意见' },
    },
    participation: {
      name: '参与情况',
      columns: { building: '楼栋', registered: '登记户数', confirmed: '已确认户数', suggested: '提建议户数', voted: '投票户数', rated: '评价户数', satisfaction: '平均满意度' },
    },
  },

  summary: (p: {
    suggestions: number
    projects: number
    rounds: number
    progress: number
    acceptance: number
    total: { registered: number; suggested: number; voted: number; rated: number; satisfaction: number | null }
  }) =>
    [
      `已导出：建议 ${p.suggestions} 条，项目 ${p.projects} 个，投票 ${p.rounds} 轮，进度 ${p.progress} 条，验收 ${p.acceptance} 轮。`,
      `参与：登记 ${p.total.registered} 户，提建议 ${p.total.suggested} 户，投票 ${p.total.voted} 户，评价 ${p.total.rated} 户，平均满意度 ${p.total.satisfaction === null ? '暂无' : p.total.satisfaction.toFixed(1)}。`,
      '表内有居民姓名，仅供居委内部使用，请勿转发到楼栋群。',
    ].join('\n'),
}
