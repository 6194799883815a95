import { findMentioned, type Person } from '../../db/people.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { TYPED_MENTION } from './lexicon.js'
import { pointsText as t } from './text.js'

/**
 * The people a command @-mentions in this group: the puppet's mention list, else "@名字" as typed.
 * Empty when nobody is mentioned; the caller decides whether that is an error.
 */
export async function mentionedPeople(ctx: Ctx, opts: { outsideGroup: string }): Promise<Person[]> {
  const refs = ctx.msg.mentions.length
    ? ctx.msg.mentions
    : [...ctx.msg.text.matchAll(TYPED_MENTION)].map((m) => ({ puppetId: '', name: m[1]!, nickname: m[1]! }))
  if (!refs.length) return []
  if (!ctx.room) throw new AppError('WRONG_ROOM', opts.outsideGroup)
  const found: Person[] = []
  for (const ref of refs) {
    const person = await findMentioned(ctx.db, { ref, roomId: ctx.room.id })
    if (!person) throw new AppError('NOT_FOUND', t.notFoundInRoom(ref.nickname || ref.name))
    if (!found.some((p) => p.id === person.id)) found.push(person)
  }
  return found
}
