/** "11月20日 09:05" in the given time zone. */
export function formatClock(d: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  )
  return `${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`
}
