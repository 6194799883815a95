import type { Parsed } from '../../domain/parsed.js'
import { cut, normalizeInput } from '../../domain/text.js'
import { AMOUNT, COST, FILLER, NOT_NAMED, OFF, REDEMPTION_CODE, REVERSE, STOCK, TYPED_MENTION } from './lexicon.js'

/** Pure readers of what staff and volunteers write; they never throw. text.ts says why a reading failed. */

export const MAX_AWARD = 100
export const MAX_REASON = 40
export const MAX_ITEM_NAME = 16
export const MAX_COST = 100_000
export const MAX_STOCK = 10_000
export const MAX_BOARD_NAME = 12
export const MAX_ENTRY = 999_999_999

/** what is left of the words once the @-mentions are taken out */
const withoutMentions = (s: string): string => normalizeInput(String(s ?? '').replace(TYPED_MENTION, ' ').replace(/\u2005/g, ' '))

export type EntryReason =
  | { code: 'no-amount' }
  | { code: 'negative' }
  | { code: 'bad-amount'; max: number }
  | { code: 'no-reason' }
  | { code: 'long-reason'; max: number }
  | { code: 'no-entry' }

export type PointsEntry = { kind: 'award'; points: number; reason: string } | { kind: 'reverse'; entryId: number; reason: string }

/** 记分 @张三 10 清理楼道 · 记分 冲正 15 记错了 */
export function parsePointsEntry(args: string): Parsed<PointsEntry, EntryReason> {
  const s = withoutMentions(args)
  const reverse = REVERSE.exec(s)
  if (reverse) {
    const rest = s.slice(reverse[0].length)
    const m = /^(\d{1,9})(?!\d)/.exec(rest)
    if (!m || Number(m[1]) < 1 || Number(m[1]) > MAX_ENTRY) return { ok: false, reason: { code: 'no-entry' } }
    const reason = rest.slice(m[0].length).replace(/^[\s,.:;]+/, '').trim()
    if (!reason) return { ok: false, reason: { code: 'no-reason' } }
    if ([...reason].length > MAX_REASON) return { ok: false, reason: { code: 'long-reason', max: MAX_REASON } }
    return { ok: true, value: { kind: 'reverse', entryId: Number(m[1]), reason } }
  }
  const m = AMOUNT.exec(s)
  if (!m) return { ok: false, reason: { code: 'no-amount' } }
  const points = Number(m[1])
  if (points < 0) return { ok: false, reason: { code: 'negative' } }
  if (!Number.isSafeInteger(points) || points < 1 || points > MAX_AWARD) return { ok: false, reason: { code: 'bad-amount', max: MAX_AWARD } }
  const reason = s.slice(m[0].length).replace(/^[\s,.:;]+/, '').trim()
  if (!reason) return { ok: false, reason: { code: 'no-reason' } }
  if ([...reason].length > MAX_REASON) return { ok: false, reason: { code: 'long-reason', max: MAX_REASON } }
  return { ok: true, value: { kind: 'award', points, reason } }
}

export type ItemReason =
  | { code: 'no-name' }
  | { code: 'long-name'; max: number }
  | { code: 'bad-cost'; max: number }
  | { code: 'bad-stock'; max: number }

export interface ItemSpec {
  name: string
  cost?: number
  stock?: number
  /** 下架: off the catalogue */
  off: boolean
}

/** 积分商品 洗衣液 50分 库存20 · 积分商品 洗衣液 库存30 · 积分商品 洗衣液 下架 */
export function parseItem(args: string): Parsed<ItemSpec, ItemReason> {
  let s = withoutMentions(args)
  const off = OFF.test(s)
  s = s.replace(OFF, ' ')
  const cost = COST.exec(s)
  if (cost) s = s.slice(0, cost.index) + ' ' + s.slice(cost.index + cost[0].length)
  const stock = STOCK.exec(s)
  if (stock) s = s.slice(0, stock.index) + ' ' + s.slice(stock.index + stock[0].length)
  const name = s.replace(FILLER, ' ').trim().split(' ').filter(Boolean).join('')
  if (!name || !/[\p{L}]/u.test(name)) return { ok: false, reason: { code: 'no-name' } }
  if ([...name].length > MAX_ITEM_NAME) return { ok: false, reason: { code: 'long-name', max: MAX_ITEM_NAME } }
  const value: ItemSpec = { name, off }
  if (cost) {
    const n = Number(cost[1])
    if (!(n >= 1 && n <= MAX_COST)) return { ok: false, reason: { code: 'bad-cost', max: MAX_COST } }
    value.cost = n
  }
  if (stock) {
    const n = Number(stock[1])
    if (!(n >= 0 && n <= MAX_STOCK)) return { ok: false, reason: { code: 'bad-stock', max: MAX_STOCK } }
    value.stock = n
  }
  return { ok: true, value }
}

/** 兑换 洗衣液 · 核销 @张三 洗衣液 · 核销 D7: the item's name as said, or a redemption's code. */
export function parseItemRef(args: string): { code?: number; name: string } {
  const s = withoutMentions(args)
  const code = REDEMPTION_CODE.exec(s)
  const rest = code ? s.slice(0, code.index) + ' ' + s.slice(code.index + code[0].length) : s
  const name = cut(rest.replace(FILLER, ' ').trim().split(' ').filter(Boolean).join(''), MAX_ITEM_NAME * 2)
  return code ? { code: Number(code[1]), name } : { name }
}

export type BoardNameReason = { code: 'empty' } | { code: 'long'; max: number } | { code: 'digits' }

/** The 称呼 a volunteer wants on the 积分榜, or null for "not named". No digits: no door in a group. */
export function parseBoardName(text: string): Parsed<string | null, BoardNameReason> {
  const s = normalizeInput(String(text ?? '')).replace(FILLER, ' ').trim()
  if (NOT_NAMED.test(s.replace(/\s/g, ''))) return { ok: true, value: null }
  const name = s.split(' ').filter(Boolean).join(' ')
  if (!name || !/[\p{L}]/u.test(name)) return { ok: false, reason: { code: 'empty' } }
  if (/\p{N}/u.test(name)) return { ok: false, reason: { code: 'digits' } }
  if ([...name].length > MAX_BOARD_NAME) return { ok: false, reason: { code: 'long', max: MAX_BOARD_NAME } }
  return { ok: true, value: name }
}
