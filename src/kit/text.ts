/** The shared kit's words: dialogs and the central refusals. */

export const dialogText = {
  outdated: '抱歉，系统刚升级，刚才的操作要重新开始。',
  left: '好的，已退出。',
  back: '回到上一步。',
  timedOut: '刚才的操作太久没有回复，已经结束了。需要时请重新开始。',
}
