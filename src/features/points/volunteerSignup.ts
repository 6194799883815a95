import { z } from 'zod'
import { householdOfPerson } from '../../db/households.js'
import { getVolunteer, saveVolunteer } from '../../db/points.js'
import { AppError } from '../../domain/errors.js'
import type { Ctx } from '../../kit/context.js'
import { defineDialog, end, stay } from '../../kit/dialog.js'
import { REPORT_POINTS } from './ledger.js'
import { parseBoardName } from './parse.js'
import { pointsText as t } from './text.js'

const State = z.object({
  communityId: z.number().int(),
  /** whose building group's 积分榜 lists them: the group's building, else their household's */
  buildingId: z.number().int().nullable(),
})
type State = z.infer<typeof State>

export const volunteerDialog = defineDialog<State, 'name'>({
  name: 'volunteer-signup',
  version: 1,
  schema: State,
  leaveSay: t.signup.left,
  steps: {
    name: {
      prompt: () => t.signup.prompt,
      answer: async (ctx, a, state) => {
        const parsed = parseBoardName(a.text)
        if (!parsed.ok) return stay(t.boardName(parsed.reason))
        // only the 称呼 they chose is kept, and only when they want to be named
        await saveVolunteer(ctx.db, { communityId: state.communityId, personId: ctx.person.id, buildingId: state.buildingId, boardName: parsed.value, now: ctx.now })
        return end(parsed.value === null ? t.signup.anonymous : t.signup.named(parsed.value))
      },
    },
  },
  onTimeout: async () => t.signup.timedOut,
})

/** 报名找茬志愿者 — anyone: joins the volunteers (or changes how they are named on the 积分榜). */
export async function startVolunteerSignup(ctx: Ctx): Promise<void> {
  if (!ctx.community) throw new AppError('WRONG_ROOM', t.noCommunity)
  const building = ctx.room?.kind === 'building' ? ctx.room.buildingId : ((await householdOfPerson(ctx.db, { personId: ctx.person.id }))?.building.id ?? null)
  const already = await getVolunteer(ctx.db, { communityId: ctx.community.id, personId: ctx.person.id })
  await volunteerDialog.start(ctx, 'name', { communityId: ctx.community.id, buildingId: building ?? already?.buildingId ?? null }, already ? t.signup.again : t.signup.intro(REPORT_POINTS))
}
