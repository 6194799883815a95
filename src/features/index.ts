import { progressPhotosDialog } from './implementation/progressPhotos.js'
import { signupDialog } from './council/signup.js'
import { scoringDialog } from './rounds/index.js'
import type { CommandSpec } from '../kit/command.js'
import type { DialogHandler } from '../kit/context.js'
import { councilCommands } from './council/commands.js'
import { deliberationCommands, minutesPhotosDialog } from './deliberation/index.js'
import { helpCommands } from './help/commands.js'
import { HELP_ORDER } from './help/index.js'
import { householdCommands } from './households/commands.js'
import { privacyCommands } from './privacy/commands.js'
import { eraseDialog } from './privacy/index.js'
import { staffCommands } from './staff/commands.js'
import { implementationCommands } from './implementation/commands.js'
import { composeNoticeDialog } from './notices/composeNotice.js'
import { noticeCommands } from './notices/commands.js'
import { pointsCommands, volunteerDialog } from './points/index.js'
import { poolCommands } from './pool/commands.js'
import { posterCommands } from './posters/index.js'
import { reportCommands, reportIntakeDialog, reportPhotosDialog } from './reports/index.js'
import { roundCommands } from './rounds/commands.js'
import { statusCommands } from './status/commands.js'
import { streetCommands } from './street/index.js'
import { suggestionCommands } from './suggestions/commands.js'
import { intakeDialog } from './suggestions/intakeSuggestion.js'

const byFeature: CommandSpec[] = [
  ...helpCommands,
  ...householdCommands,
  ...privacyCommands,
  ...staffCommands,
  ...noticeCommands,
  ...suggestionCommands,
  ...poolCommands,
  ...roundCommands,
  ...councilCommands,
  ...implementationCommands,
  ...statusCommands,
  ...posterCommands,
  ...reportCommands,
  ...pointsCommands,
  ...deliberationCommands,
  ...streetCommands,
]

/** Every command of every feature, in 帮助's order (a list; each app makes its own registry). */
export const COMMANDS: readonly CommandSpec[] = (() => {
  const rank = new Map(HELP_ORDER.map((name, i) => [name, i]))
  const missing = byFeature.filter((c) => !rank.has(c.name)).map((c) => c.name)
  if (missing.length || HELP_ORDER.length !== byFeature.length) {
    throw new Error(`features: HELP_ORDER and the features' commands differ (${missing.join('、') || 'a name listed but not declared'})`)
  }
  return [...byFeature].sort((a, b) => rank.get(a.name)! - rank.get(b.name)!)
})()

export const DIALOGS: Record<string, DialogHandler> = {
  [eraseDialog.name]: eraseDialog.handler,
  [composeNoticeDialog.name]: composeNoticeDialog.handler,
  [intakeDialog.name]: intakeDialog.handler,
  [scoringDialog.name]: scoringDialog.handler,
  [signupDialog.name]: signupDialog.handler,
  [progressPhotosDialog.name]: progressPhotosDialog.handler,
  [reportIntakeDialog.name]: reportIntakeDialog.handler,
  [reportPhotosDialog.name]: reportPhotosDialog.handler,
  [volunteerDialog.name]: volunteerDialog.handler,
  [minutesPhotosDialog.name]: minutesPhotosDialog.handler,
}
