/** The shared kit's words: dialogs and the central refusals. */

/** Who may say a command, and where: the router's refusals. */
export const refusalText = {
  staffOnly: (act: string) => `只有居委工作人员可以${act}。`,
  headOnly: (act: string) => `只有楼组长或居委工作人员可以${act}。`,
  streetOnly: (act: string) => `只有街道推进办群的成员可以${act}。`,
  partnerOnly: (act: string) => `只有居委工作人员或承办单位联络员可以${act}。`,
  gridOnly: (act: string) => `只有网格员或居委工作人员可以${act}。`,
  inGroup: (example: string) => `请在楼栋群里 @我 说「${example}」。`,
  inPrivate: (act: string) => `请私聊我${act}。`,
  inOffice: (act: string) => `请在居委工作群或私聊里${act}。`,
  inStreet: (example: string) => `这是街道推进办的功能，请在街道推进办群里 @我 说「${example}」。`,
}

export const dialogText = {
  outdated: '抱歉，系统刚升级，刚才的操作要重新开始。',
  left: '好的，已退出。',
  back: '回到上一步。',
  timedOut: '刚才的操作太久没有回复，已经结束了。需要时请重新开始。',
}
