import { wallTime } from '../../domain/time/index.js'
import type { BoardNameReason, EntryReason, ItemReason } from './parse.js'

/** Every sentence of the points feature: volunteers, the ledger, the catalogue, redemptions, the 积分榜. */

const day = (d: Date, timeZone: string) => {
  const w = wallTime(d, timeZone)
  return `${w.month}月${w.day}日`
}
const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`)
export const redemptionCode = (id: number) => `D${id}`

export const usage = {
  volunteer: '报名找茬志愿者 — 加入找茬志愿者：报事被处理就得积分',
  points: '积分 — 我的积分和最近记录（志愿者报名、积分商品、兑换都从这里看）',
  record: '记分 张三 10 清理楼道 — 给志愿者记分（「记分 冲正 15 原因」冲正一笔）',
  catalogue: '积分商品 — 能兑换什么（居委：积分商品 洗衣液 50分 库存20）',
  redeem: '兑换 洗衣液 — 用积分兑换',
  handOver: '核销 D7 — 兑换的东西交给本人后核销（或「核销 张三 洗衣液」）',
}

export const act = {
  volunteer: '报名找茬志愿者',
  points: '查看积分',
  record: '记分',
  catalogue: '查看积分商品',
  redeem: '兑换',
  handOver: '核销兑换',
}

export const pointsText = {
  noCommunity: '请在您楼栋的群里 @我 说，或先「登记 3号楼 502」。',
  /** the reason stored with an entry */
  reason: {
    report: (code: string) => `报事 ${code}`,
    redeem: (item: string) => `兑换 ${item}`,
    erasedCancel: '兑换未领取，本人已删除信息',
  },

  signup: {
    prompt: '每月各楼群会公布找茬志愿者积分榜。愿意上榜请回复榜上的称呼（如「张阿姨」）；不想上榜回复「不上榜」。',
    intro: (points: number) => `欢迎加入找茬志愿者！随手拍报事被处理或转为建议，每件得 ${points} 积分；居委记录的志愿服务也记分，积分可兑换物品（说「积分商品」看看）。\n`,
    again: '您已经是找茬志愿者了，可以重新选上榜称呼。\n',
    left: '好的，没有改动。',
    named: (name: string) => `好的，积分榜上会写「${name}」。以后随手拍报事请说「随手拍 3号楼垃圾桶满了」，说「积分」查看积分。`,
    anonymous: '好的，积分榜上不写您的名字，积分照常记。以后随手拍报事请说「随手拍 3号楼垃圾桶满了」，说「积分」查看积分。',
    timedOut: '报名太久没回复，已结束。需要时请再说「报名找茬志愿者」。',
  },
  boardName: (r: BoardNameReason): string => {
    switch (r.code) {
      case 'empty':
        return '请回复榜上的称呼（如「张阿姨」），或「不上榜」。'
      case 'long':
        return `称呼短一点就好（${r.max} 个字以内），或回复「不上榜」。`
      case 'digits':
        return '称呼里请不要写数字（群里不显示门牌），或回复「不上榜」。'
    }
  },

  notVolunteer: '您还不是找茬志愿者。说「报名找茬志愿者」加入：随手拍报事被处理就得积分，可兑换物品。',
  balance: (p: { who?: string; balance: number; month: number }) => `${p.who ? `${p.who}的` : '您的'}积分：${p.balance} 分（本月得 ${p.month} 分）。`,
  entriesHead: '最近记录：',
  entry: (p: { id: number; at: Date; points: number; reason: string; timeZone: string; staff: boolean; reversed: boolean }) =>
    `· ${p.staff ? `#${p.id} ` : ''}${day(p.at, p.timeZone)} ${signed(p.points)} ${p.reason}${p.reversed ? '（已冲正）' : ''}`,
  noEntries: '还没有积分记录。',
  pendingHead: '待领取：',
  pending: (item: string, id: number) => `· ${item}（${redemptionCode(id)}）`,
  pointsHint: '说「积分商品」看能兑换什么。',

  entryProblem: (r: EntryReason): string => {
    switch (r.code) {
      case 'no-amount':
        return '请写分数和事由，例如「记分 @张三 10 清理楼道」。'
      case 'negative':
        return '积分只加不改：记错了请说「记分 冲正 编号 原因」冲正那一笔。'
      case 'bad-amount':
        return `一次记 1 到 ${r.max} 分，例如「记分 @张三 10 清理楼道」。`
      case 'no-reason':
        return '请写上事由，例如「记分 @张三 10 清理楼道」。'
      case 'long-reason':
        return `事由写短一点（${r.max} 个字以内）。`
      case 'no-entry':
        return '请写要冲正的编号，例如「记分 冲正 15 记错了」（编号见「积分 @张三」）。'
    }
  },
  mentionSomeone: '请写志愿者的名字，例如「记分 张三 10 清理楼道」，或在对方所在的群里 @ 对方。',
  namesakes: (name: string) => `有几位志愿者都叫「${name}」，请在对方所在的群里 @ 对方。`,
  noVolunteerNamed: (name: string) => `没有叫「${name}」的找茬志愿者。请对方先说「报名找茬志愿者」。`,
  notFoundInRoom: (name: string) => `本群里找不到「${name}」，请直接 @ 对方。`,
  notVolunteers: (names: string[]) => `${names.join('、')} 还没报名找茬志愿者，积分只记给志愿者：请对方说「报名找茬志愿者」。`,
  recorded: (p: { name: string; points: number; reason: string; id: number; balance: number }) => `已记分 #${p.id}：${p.name} +${p.points}（${p.reason}），现有 ${p.balance} 分。`,
  cappedPart: (p: { name: string; points: number; asked: number; cap: number; id: number; balance: number }) =>
    `已记分 #${p.id}：${p.name} +${p.points}（今天已到每日上限 ${p.cap} 分，少记了 ${p.asked - p.points} 分），现有 ${p.balance} 分。`,
  cappedNone: (name: string, cap: number) => `${name} 今天已得满 ${cap} 分（每日上限），这次没有记分。`,

  entryNotFound: (id: number) => `没有第 ${id} 笔积分记录。`,
  cannotReverseReversal: '这一笔本身就是冲正，不能再冲正。',
  alreadyReversed: (id: number) => `第 ${id} 笔已经冲正过了。`,
  ownerErased: '这一笔的主人已删除个人信息，不能冲正。',
  handedCannotReverse: '这件兑换已经领走了，不能冲正。',
  tooLittleToReverse: (p: { id: number; balance: number }) => `现有 ${p.balance} 分，不够冲正第 ${p.id} 笔（积分不会变成负数）。`,
  reversed: (p: { id: number; name: string; points: number; balance: number; newId: number }) =>
    `已冲正第 ${p.id} 笔（#${p.newId}）：${p.name} ${signed(p.points)}，现有 ${p.balance} 分。`,

  itemProblem: (r: ItemReason): string => {
    switch (r.code) {
      case 'no-name':
        return '请写商品名、分数和库存，例如「积分商品 洗衣液 50分 库存20」。'
      case 'long-name':
        return `商品名短一点（${r.max} 个字以内）。`
      case 'bad-cost':
        return `分数请写 1 到 ${r.max} 之间，例如「50分」。`
      case 'bad-stock':
        return `库存请写 0 到 ${r.max} 之间，例如「库存20」。`
    }
  },
  newItemNeeds: (name: string) => `「${name}」是新商品，请写分数和库存，例如「积分商品 ${name} 50分 库存20」。`,
  staffOnlyItems: '只有居委工作人员可以登记积分商品。想兑换请说「兑换 洗衣液」。',
  itemsInOffice: '请在居委工作群或私聊里登记积分商品。',
  itemAdded: (p: { name: string; cost: number; stock: number }) => `已上架：${p.name} ${p.cost}分，库存 ${p.stock}。`,
  itemUpdated: (p: { name: string; cost: number; stock: number }) => `已更新：${p.name} ${p.cost}分，库存 ${p.stock}。`,
  itemOff: (name: string) => `已下架：${name}。已兑换未领取的照常核销。`,
  noSuchItemToChange: (name: string) => `没有商品「${name}」。`,
  catalogueEmpty: '还没有积分商品。',
  catalogueHead: '积分商品：',
  catalogueItem: (p: { name: string; cost: number; stock: number }) => `· ${p.name} ${p.cost}分（${p.stock > 0 ? `库存 ${p.stock}` : '已兑完'}）`,
  catalogueFoot: (balance: number | null) => `兑换请说「兑换 商品名」${balance === null ? '' : `；您现有 ${balance} 分`}。`,

  noSuchItem: (name: string, names: string[]) => `没有「${name}」。${names.length ? `现有：${names.join('、')}。` : '还没有积分商品。'}`,
  soldOut: (name: string) => `${name} 已经兑完了，请等居委补货。`,
  notEnough: (p: { name: string; cost: number; balance: number }) => `${p.name} 要 ${p.cost} 分，您现有 ${p.balance} 分，还不够。`,
  redeemed: (p: { name: string; id: number; cost: number; balance: number }) =>
    `已兑换 ${p.name}（${redemptionCode(p.id)}），扣 ${p.cost} 分，还剩 ${p.balance} 分。请到居委会领取，报编号「${redemptionCode(p.id)}」即可。`,
  staffRedeemed: (p: { who: string; name: string; id: number }) => `【积分兑换】${p.who} 兑换了 ${p.name}（${redemptionCode(p.id)}），待领取。交给本人后说「核销 ${redemptionCode(p.id)}」。`,

  handOverWhat: '请说「核销 D7」，或「核销 张三 洗衣液」。',
  noSuchRedemption: (id: number) => `没有兑换 ${redemptionCode(id)}。`,
  redemptionClosed: (id: number, status: string) => `${redemptionCode(id)} ${status === 'handed' ? '已经核销过了' : '已经取消了'}。`,
  oneAtATime: '一次核销一位，请只 @ 一个人。',
  handedOver: (p: { who: string; name: string; id: number }) => `已核销：${p.who} 领取了 ${p.name}（${redemptionCode(p.id)}）。`,
  handedDirect: (p: { who: string; name: string; id: number; cost: number; balance: number }) =>
    `已兑换并核销：${p.who} 领取了 ${p.name}（${redemptionCode(p.id)}），扣 ${p.cost} 分，还剩 ${p.balance} 分。`,

  board: (p: { building: number; month: number; lines: { name: string; points: number }[]; anonymous: number }) =>
    [
      `【${p.building}号楼 ${p.month}月找茬志愿者积分榜】`,
      ...p.lines.map((l, i) => `${i + 1}. ${l.name} ${l.points}分`),
      ...(p.anonymous ? [`另有 ${p.anonymous} 位志愿者不具名，同样感谢！`] : []),
      '谢谢大家随手拍、及时报！想加入请 @我 说「报名找茬志愿者」。',
    ].join('\n'),
}
