import { findMentioned, type Person } from '../../db/people.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { householdText as t } from './text.js'

/**
 * The people a command @-mentions: the puppet's mention list, else "@名字" in the message as
 * typed (not the normalised args: "@三号楼王阿姨" must stay as it is).
 */
export async function mentionedPeople(ctx: Ctx, example: string): Promise<Person[]> {
  if (!ctx.room) throw new AppError('WRONG_ROOM', t.mentionWhere(example))
  const refs = ctx.msg.mentions.length
    ? ctx.msg.mentions
    : [...ctx.msg.text.matchAll(/@([^\s@\u2005]+)/g)].map((m) => ({ puppetId: '', name: m[1]!, nickname: m[1]! }))
  if (refs.length === 0) throw new AppError('BAD_INPUT', t.mentionWho(example))
  const found: Person[] = []
  for (const ref of refs) {
    const person = await findMentioned(ctx.db, { ref, roomId: ctx.room.id })
    if (!person) throw new AppError('NOT_FOUND', t.mentionedNotFound(ref.nickname || ref.name))
    if (!found.some((p) => p.id === person.id)) found.push(person)
  }
  return found
}
