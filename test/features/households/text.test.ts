import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { householdLabel, neighbourName } from '../../../src/domain/address.js'
import { householdShown, householdText } from '../../../src/features/households/text.js'

const { alreadyRegistered: alreadyRegisteredReply, confirmedLine, headNotice: headRegistrationNotice, registered: registeredReply } = householdText

// doors as parseHousehold makes them: 502, 2单元502
const DOOR = fc.record({
  building: fc.integer({ min: 1, max: 999 }),
  room: fc.integer({ min: 101, max: 99999 }),
  unitNo: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
}).map(({ building, room, unitNo }) => ({ building, unit: unitNo === undefined ? String(room) : `${unitNo}单元${room}`, room: String(room) }))
// names people have in groups, digits left out so that a digit in a reply can only come from the door
const NAME = fc.string({ unit: fc.constantFrom(...'张三李四王奶奶小雨😀 ·-abc'), minLength: 1, maxLength: 12 })

describe('no door number in what the bot says in a group', () => {
  it('registration, confirmation and refusal replies name only the building in a group', () => {
    fc.assert(
      fc.property(DOOR, DOOR, NAME, fc.boolean(), fc.boolean(), fc.boolean(), fc.array(NAME, { maxLength: 3 }), (a, b, name, heads, taken, confirmed, mates) => {
        const replies = [
          householdShown(a, true),
          registeredReply({ address: a, name, hasHeads: heads, doorTaken: taken, inGroup: true }),
          alreadyRegisteredReply({ existing: a, confirmed, wanted: b, inGroup: true }),
          alreadyRegisteredReply({ existing: a, confirmed, wanted: a, inGroup: true }),
          confirmedLine({ name, address: a, inGroup: true, before: confirmed, housemates: mates }),
        ]
        for (const r of replies) {
          expect(r).toContain(`${a.building}号楼`)
          // the building's own number may look like the door (502号楼, room 502): look past it
          expect(r.replaceAll(`${a.building}号楼`, '号楼')).not.toContain(a.room)
        }
      }),
    )
  })

  it('says the door in private, where it may be told', () => {
    fc.assert(
      fc.property(DOOR, NAME, (a, name) => {
        expect(registeredReply({ address: a, name, hasHeads: true, doorTaken: false, inGroup: false })).toContain(householdLabel(a))
        expect(headRegistrationNotice({ name, address: a, confirmedThere: [] })).toContain(householdLabel(a))
        expect(confirmedLine({ name, address: a, inGroup: false, before: false, housemates: [] })).toContain(householdLabel(a))
      }),
    )
  })

  it('代提 keeps only the neighbour’s name, whatever door was typed with it', () => {
    fc.assert(
      fc.property(NAME, DOOR, fc.constantFrom(' ', '', '，'), (name, a, sep) => {
        const typed = `${name}${sep}${a.building}号楼 ${a.unit}`
        expect(neighbourName(typed)).not.toContain(a.room)
      }),
    )
  })

  it('names a door already taken to the head, never in the group reply', () => {
    const a = { building: 3, unit: '502' }
    expect(headRegistrationNotice({ name: '王五', address: a, confirmedThere: ['李四'] })).toContain('这个门牌已确认登记了 李四')
    expect(registeredReply({ address: a, name: '王五', hasHeads: true, doorTaken: true, inGroup: true })).toBe(
      '已登记3号楼（门牌不在群里显示）。这户已有邻居登记并确认过，楼组长会先核实。请楼组长 @我 说「确认 @王五」。',
    )
  })
})
