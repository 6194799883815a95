import type { Ctx } from '../context.js'
import { asWritten } from './simplify.js'

/** A fragment of this message's Simplified reading, given back as the person wrote it (to store and show). */
export function writtenFragment(ctx: Pick<Ctx, 'msg'>, fragment: string): string {
  return asWritten({ written: ctx.msg.text, simplified: ctx.msg.simplified ?? ctx.msg.text }, fragment)
}
