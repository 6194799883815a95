import { z } from 'zod'
import { normalizeInput } from '../../domain/text.js'
import type { Ctx } from '../../kit/context.js'
import { defineDialog, end, handled, stay } from '../../kit/dialog.js'
import { eraseMyInfo } from './eraseMyInfo.js'
import { ERASE_NO, ERASE_YES } from './lexicon.js'
import { privacyText as t } from './text.js'

const State = z.object({})
type State = z.infer<typeof State>

/** 删除我的信息 asks once; only a plain yes erases (PIPL: the person may erase what is stored). */
export const eraseDialog = defineDialog<State, 'confirm'>({
  name: 'erase-my-info',
  version: 1,
  schema: State,
  steps: {
    confirm: {
      prompt: () => t.eraseAsk,
      answer: async (ctx, a) => {
        // stricter than a.plain: "确认删除？" is a question, not a yes
        const word = normalizeInput(a.text).replace(/[。.!！\s]/g, '').toLowerCase()
        if (ERASE_NO.has(word)) return end(t.eraseKept)
        if (!ERASE_YES.has(word)) return stay(t.eraseYesOrNo)
        await eraseMyInfo(ctx)
        // no name in it and no link to the erased person: said after they are gone (their dialog with them)
        await ctx.replyPlain(t.erased)
        return handled()
      },
    },
  },
})

/** 删除我的信息 — asks for a confirmation first. */
export async function askEraseMyInfo(ctx: Ctx): Promise<void> {
  await eraseDialog.start(ctx, 'confirm', {})
}
