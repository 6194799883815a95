import { findMentioned, getPerson, type Person } from '../../db/people.js'
import { volunteersNamed } from '../../db/points.js'
import { AppError } from '../../domain/errors.js'
import { normalizeInput } from '../../domain/text.js'
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

/**
 * The volunteer a staff command is about: @-mentioned where they are, or (at the office, where
 * they are not) named as the first word — `记分 张三 10 清理楼道`. Returns them and the words left.
 */
export async function volunteerMeant(ctx: Ctx, args: string, communityId: number): Promise<{ people: Person[]; rest: string }> {
  const mentioned = await mentionedPeople(ctx, { outsideGroup: t.mentionSomeone })
  if (mentioned.length) return { people: mentioned, rest: args }
  const words = normalizeInput(args).split(' ')
  const name = words[0] ?? ''
  if (!name || /^\d/.test(name)) return { people: [], rest: args }
  const named = await volunteersNamed(ctx.db, { communityId, name })
  if (named.length > 1) throw new AppError('CONFLICT', t.namesakes(name))
  if (!named.length) throw new AppError('NOT_FOUND', t.noVolunteerNamed(name))
  const person = await getPerson(ctx.db, { id: named[0]!.id })
  return { people: person ? [person] : [], rest: words.slice(1).join(' ') }
}
