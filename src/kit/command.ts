import { refusalText } from './text.js'
import type { CommandHandler } from './context.js'

/**
 * Who may say a command. head: a building head of the community, or staff; partner: staff, or a
 * department's liaison of the community (for its own projects, checked by the use-case); grid:
 * staff, or a grid member (网格员) of the community (for their own buildings, checked by the use-case);
 * street: a member of the street's 推进办 group (a community's staff are not, by being staff).
 */
export type Audience = 'everyone' | 'head' | 'staff' | 'partner' | 'grid' | 'street'
/**
 * group: any group chat; private: a private chat; office: the staff group or a private chat;
 * street: the street's 推进办 group only (its members are the street level: they see every community)
 */
export type Place = 'anywhere' | 'group' | 'private' | 'office' | 'street'

export interface CommandSpec {
  name: string
  aliases: string[]
  /** one short line for 帮助: the example before ' — ', what it does after */
  usage: string
  who: Audience
  where: Place
  /** a short verb phrase for the refusal sentences: 只有居委工作人员可以「act」。 */
  act: string
  /** a friendlier sentence than the central one, for this command only */
  refuse?: { who?: string; where?: string }
  /** not listed by 帮助 (said inside dialogs, or mentioned by another reply) */
  unlisted?: boolean
  /** said with arguments like these, the words mean another command ("撤销 J12" is 撤回) */
  divert?: { args: RegExp; to: string }
  run: CommandHandler
}

/** A command, declared once: its words, who may say it where, and what it does. */
export function defineCommand(spec: CommandSpec): CommandSpec {
  return spec
}

/** What 帮助 shows as the command's example (the usage before ' — '). */
export const usageExample = (spec: Pick<CommandSpec, 'usage'>): string => spec.usage.split(' — ')[0]!

/** The refusal sentences, written once (kit/text.ts), as functions of the spec. */
export const WHO_REFUSAL: Record<Exclude<Audience, 'everyone'>, (spec: CommandSpec) => string> = {
  staff: (spec) => refusalText.staffOnly(spec.act),
  head: (spec) => refusalText.headOnly(spec.act),
  partner: (spec) => refusalText.partnerOnly(spec.act),
  grid: (spec) => refusalText.gridOnly(spec.act),
  street: (spec) => refusalText.streetOnly(spec.act),
}

export const WHERE_REFUSAL: Record<Exclude<Place, 'anywhere'>, (spec: CommandSpec) => string> = {
  group: (spec) => refusalText.inGroup(usageExample(spec)),
  private: (spec) => refusalText.inPrivate(spec.act),
  office: (spec) => refusalText.inOffice(spec.act),
  street: (spec) => refusalText.inStreet(usageExample(spec)),
}
