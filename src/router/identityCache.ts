import type { InboundMessage } from '../chat/types.js'

export interface Identity {
  roomId: number | null
  personId: number
}

/**
 * Puppet ids → lasting row ids, learned during the current login, so ordinary group chatter
 * needs no look-ups. An entry is used only while the name, topic and group nickname it was
 * learned with are unchanged; a login clears everything (web protocols change every id).
 */
export class IdentityCache {
  private rooms = new Map<string, { id: number; topic: string }>()
  private people = new Map<string, { id: number; name: string }>()
  private nicknames = new Map<string, string>()

  lookup(msg: InboundMessage): Identity | undefined {
    const person = this.people.get(msg.talker.puppetId)
    if (!person || person.name !== msg.talker.name) return undefined
    if (!msg.room) return { roomId: null, personId: person.id }
    const room = this.rooms.get(msg.room.puppetId)
    if (!room || room.topic !== msg.room.topic) return undefined
    const nickname = msg.talker.nickname || msg.talker.name
    if (this.nicknames.get(`${room.id}:${person.id}`) !== nickname) return undefined
    return { roomId: room.id, personId: person.id }
  }

  remember(msg: InboundMessage, ids: Identity): void {
    if (this.people.size > 50_000) this.clear()
    this.people.set(msg.talker.puppetId, { id: ids.personId, name: msg.talker.name })
    if (msg.room && ids.roomId !== null) {
      this.rooms.set(msg.room.puppetId, { id: ids.roomId, topic: msg.room.topic })
      this.nicknames.set(`${ids.roomId}:${ids.personId}`, msg.talker.nickname || msg.talker.name)
    }
  }

  clear(): void {
    this.rooms.clear()
    this.people.clear()
    this.nicknames.clear()
  }
}
