import type { Db } from '../../db/client.js'
import { catalogue, type Item } from '../../db/points.js'
import { AppError } from '../../domain/errors.js'
import { pointsText as t } from './text.js'

/** The item someone named: exactly, else the one item whose name contains the words (or is contained in them). */
export async function itemNamed(db: Db, p: { communityId: number; name: string }): Promise<Item> {
  const items = await catalogue(db, { communityId: p.communityId })
  const exact = items.find((i) => i.name === p.name)
  if (exact) return exact
  const near = items.filter((i) => i.name.includes(p.name) || p.name.includes(i.name))
  if (near.length === 1) return near[0]!
  throw new AppError('NOT_FOUND', t.noSuchItem(p.name, items.map((i) => i.name)))
}
