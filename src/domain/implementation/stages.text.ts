/** What each stage of a project is called, in 进度 lists and the export. */
export const STAGE_LABEL: Record<string, string> = {
  pool: '项目库',
  assigned: '实施中',
  accepting: '验收中',
  accepted: '已结单',
  rework: '整改中',
  unrated: '无人评价',
}
