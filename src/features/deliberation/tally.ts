import type { Db } from '../../db/client.js'
import { choicesOf, confirmedHouseholdCount, type Question } from '../../db/deliberation.js'
import { clip } from '../../domain/text.js'
import { maskDoors } from '../reports/index.js'
import type { OptionCount } from './text.js'

/**
 * The count of a question: per option the households that chose it and their reasons (never who
 * gave them; door numbers masked), with how many households were asked.
 */
export async function questionTally(db: Db, q: Question, p: { reasonChars?: number; reasonsPerOption?: number } = {}) {
  const choices = await choicesOf(db, { communityId: q.communityId, questionIds: [q.id] })
  const options: OptionCount[] = q.options.map((text, i) => ({ number: i + 1, text, count: 0, reasons: [] }))
  for (const c of choices) {
    const o = options[c.option - 1]
    if (!o) continue
    o.count++
    if (c.reason && (p.reasonsPerOption === undefined || o.reasons.length < p.reasonsPerOption)) {
      o.reasons.push({ text: clip(maskDoors(c.reason), p.reasonChars ?? 60), building: c.building })
    }
  }
  const eligible = await confirmedHouseholdCount(db, { communityId: q.communityId, buildingIds: q.buildingIds })
  return { options, chose: choices.length, eligible }
}
