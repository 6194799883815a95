/** The words of the 报事 sheet in the export workbook. */
export const exportText = {
  sheet: '报事',
  columns: [
    { header: '编号', width: 7 },
    { header: '报事时间', width: 17 },
    { header: '楼栋', width: 8 },
    { header: '地点', width: 16 },
    { header: '类别', width: 8 },
    { header: '内容', width: 40 },
    { header: '状态', width: 10 },
    { header: '报事人', width: 12 },
    { header: '附议', width: 6 },
    { header: '接单人', width: 12 },
    { header: '接单时间', width: 17 },
    { header: '办结人', width: 12 },
    { header: '办结时间', width: 17 },
    { header: '用时（小时）', width: 12 },
    { header: '结果说明', width: 30 },
    { header: '照片', width: 6 },
    { header: '转成建议', width: 9 },
    { header: '位置坐标', width: 20 },
  ],
  erased: '（已删除）',
  /** a location pin's coordinates */
  coords: (lat: number, lng: number) => `${lat},${lng}`,
}
