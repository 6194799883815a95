import { rolesOfPerson } from '../../db/roles.js'
import { getSuggestion, updateSuggestion } from '../../db/suggestions.js'
import { suggestionCode } from '../../domain/suggestions/code.js'
import { featuresOf } from '../../domain/suggestions/similarity.js'
import { categorize } from '../../domain/suggestions/understand.js'
import { AppError } from '../../domain/errors.js'
import { chinesePunctuation, cut, normalizeInput } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'
import { writtenFragment } from '../../kit/understand/index.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { sendRecording } from './passOnVoice.js'
import { MAX_PROBLEM } from './submitSuggestion.js'
import { voiceText as t } from './text.js'

/**
 * 代听 J12 听到的内容 — a head (of the suggestion's building) or staff types in what a voice
 * suggestion says: it becomes the suggestion's words (and category), and the speaker is told
 * privately, so they can correct it. 代听 J12 alone sends the recording again.
 */
export async function hearVoice(ctx: Ctx, args: string): Promise<void> {
  const m = /^\s*J\s*(\d+)[\s:：,，]*/i.exec(normalizeInput(args))
  if (!m) throw new AppError('BAD_INPUT', t.needCode)
  const id = Number(m[1])
  const code = suggestionCode(id)
  // staff of this community, or a head: the suggestion must be in one of their buildings
  const roles = ctx.isStaff ? [] : (await rolesOfPerson(ctx.db, { personId: ctx.person.id, ...(ctx.community ? { communityId: ctx.community.id } : {}) })).filter((r) => r.role === 'building_head')
  const communityId = ctx.isStaff ? ctx.community?.id : (ctx.community?.id ?? roles[0]?.communityId)
  const s = communityId !== undefined ? await getSuggestion(ctx.db, { id, communityId }) : undefined
  if (!s) throw new AppError('NOT_FOUND', t.notFound(code))
  if (s.voiceFileId === null) throw new AppError('CONFLICT', t.notVoice(code))
  if (!ctx.isStaff && !roles.some((r) => r.buildingId !== null && r.buildingId === s.buildingId)) throw new AppError('FORBIDDEN', t.notYourBuilding(code))

  const said = chinesePunctuation(normalizeInput(args).slice(m[0].length).trim())
  const to = ctx.room ? { roomId: ctx.room.id } : { personId: ctx.person.id }
  if (!said) {
    await ctx.reply(t.resent(code))
    return sendRecording(ctx.db, { suggestion: s, to, words: '', key: `voice:${s.id}:again:${ctx.inboundId}`, now: ctx.now })
  }
  // read in Simplified, kept as typed
  const words = cut(writtenFragment(ctx, said), MAX_PROBLEM)
  const category = categorize(said)
  const again = s.heardAt !== null
  await updateSuggestion(ctx.db, { id: s.id, communityId: s.communityId, set: { problem: words, category, features: featuresOf(said), heardBy: ctx.person.id, heardAt: ctx.now, updatedAt: ctx.now } })
  await ctx.reply(t.heard({ code, words, category, again }))
  if (s.personId !== null && s.personId !== ctx.person.id) {
    const by = ctx.isStaff ? t.byStaff(ctx.person.name) : t.byHead(ctx.person.name)
    await enqueueMessage(ctx.db, { key: `voice:${s.id}:heard:${ctx.inboundId}`, body: t.tellSpeaker({ code, words, by }), personId: s.personId, communityId: s.communityId, now: ctx.now })
  }
}
