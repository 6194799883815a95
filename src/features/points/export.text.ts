/** The words of the points sheet in the export workbook. */
export const exportText = {
  sheet: '积分',
  columns: [
    { header: '编号', width: 7 },
    { header: '时间', width: 17 },
    { header: '志愿者', width: 14 },
    { header: '积分', width: 7 },
    { header: '类型', width: 8 },
    { header: '事由', width: 30 },
    { header: '冲正的是', width: 9 },
    { header: '记录人', width: 14 },
  ],
  kind: { report: '报事', work: '志愿服务', redeem: '兑换', reverse: '冲正' } as Record<string, string>,
  erased: '（已删除）',
  automatic: '（自动）',
}
