import type { Db } from '../../db/client.js'
import { headsOf } from '../../db/notices.js'
import { staffRoomOf } from '../../db/rooms.js'
import type { Suggestion } from '../../db/suggestions.js'
import { maskDoors } from '../../domain/address.js'
import { suggestionCode } from '../../domain/suggestions/code.js'
import { enqueueMessage } from '../../outbox/enqueue.js'
import { voiceText as t } from './text.js'

/** Where a voice suggestion's recording goes: the staff group, and the building's heads privately. */
export interface VoiceListeners {
  staffRoomId: number | null
  heads: { personId: number; name: string }[]
}

export async function voiceListeners(db: Db, p: { communityId: number; buildingId: number | null }): Promise<VoiceListeners> {
  const staff = await staffRoomOf(db, { communityId: p.communityId })
  const heads = p.buildingId !== null ? await headsOf(db, { communityId: p.communityId, buildingIds: [p.buildingId] }) : []
  return { staffRoomId: staff?.present ? staff.id : null, heads: heads.map((h) => ({ personId: h.personId, name: h.name })) }
}

/** The words (if any), then the recording, to one listener (a group gets no door numbers). */
export async function sendRecording(
  db: Db,
  p: { suggestion: Suggestion; to: { roomId: number } | { personId: number }; words: string; key: string; now: Date },
): Promise<void> {
  const code = suggestionCode(p.suggestion.id)
  const base = { ...p.to, communityId: p.suggestion.communityId, now: p.now }
  if (p.words) await enqueueMessage(db, { ...base, key: `${p.key}:text`, body: 'roomId' in p.to ? maskDoors(p.words) : p.words })
  await enqueueMessage(db, { ...base, key: `${p.key}:file`, body: t.caption(code), kind: 'file', fileId: p.suggestion.voiceFileId! })
}

/**
 * A suggestion said as a voice message: the bot cannot listen yet, so the recording goes to the
 * staff group and the building's heads, asking one of them to type its words in (代听 J12 …).
 * Returns the heads' names (the speaker is told who will listen).
 */
export async function passOnVoice(db: Db, p: { suggestion: Suggestion; from: string; seconds: number | null; now: Date }): Promise<string[]> {
  const s = p.suggestion
  const listeners = await voiceListeners(db, { communityId: s.communityId, buildingId: s.buildingId })
  const words = t.passOn({ code: suggestionCode(s.id), place: s.place, from: p.from, seconds: p.seconds })
  if (listeners.staffRoomId !== null) await sendRecording(db, { suggestion: s, to: { roomId: listeners.staffRoomId }, words, key: `voice:${s.id}:room:${listeners.staffRoomId}`, now: p.now })
  for (const h of listeners.heads) await sendRecording(db, { suggestion: s, to: { personId: h.personId }, words, key: `voice:${s.id}:person:${h.personId}`, now: p.now })
  return listeners.heads.map((h) => h.name)
}
