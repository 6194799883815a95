import type { Db } from '../../db/client.js'
import { allQuestions, choicesOf } from '../../db/deliberation.js'
import { questionCode } from '../../domain/deliberation/question.js'
import { formatStamp as stamp } from '../../domain/time/index.js'
import type { Sheet } from '../points/index.js'
import { maskDoors } from '../reports/index.js'
import { deliberationText as t } from './text.js'

/** The export's 议题 sheet: one row per option — the households that chose it and their reasons, without names. */
export async function questionSheet(db: Db, p: { communityId: number; timeZone: string }): Promise<Sheet> {
  const list = await allQuestions(db, p)
  const choices = await choicesOf(db, { communityId: p.communityId, questionIds: list.map((q) => q.id) })
  return {
    name: t.sheet.name,
    columns: t.sheet.columns,
    rows: list.flatMap((q) =>
      q.options.map((text, i) => {
        const mine = choices.filter((c) => c.questionId === q.id && c.option === i + 1)
        const reasons = mine.flatMap((c) => (c.reason ? [maskDoors(c.reason)] : []))
        return [questionCode(q.id), q.title, t.status[q.status] ?? q.status, stamp(q.closesAt, p.timeZone), `${i + 1}. ${text}`, mine.length, reasons.join('；') || null, q.outcome]
      }),
    ),
  }
}
