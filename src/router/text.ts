/** What the router itself says. */

export const routerText = {
  sorry: '抱歉，刚才出了点问题，没有办成。请稍后再试，或联系居委。',
  outdated: '抱歉，系统刚升级，刚才的操作要重新开始。',
  cancelled: '好的，已取消。',
  inDialog: '您正在填写中：请回答上一个问题。回复「返回」回上一步，「取消」退出。',
  left: '好的，已退出。',
  hello: '您好！发「帮助」看看我能做什么。',
  notYet: (name: string) => `「${name}」功能还没开通，敬请期待。发「帮助」看看现在能做什么。`,
}
