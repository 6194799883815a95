import { defineCommand } from '../../kit/command.js'
import { sendClosingReport } from './closingReport.js'
import { publishPoster } from './publishPoster.js'
import { posterText as t } from './text.js'

/** For the staff: what goes up on the lobby notice board, printed. */
export const posterCommands = [
  defineCommand({
    name: '公示',
    aliases: ['公示海报', '打印公示'],
    usage: t.usage.poster,
    who: 'staff',
    where: 'office',
    act: t.act.poster,
    run: publishPoster,
  }),
  defineCommand({
    name: '结项报告',
    aliases: ['结项', '总结报告'],
    usage: t.usage.closing,
    who: 'staff',
    where: 'office',
    act: t.act.closing,
    run: (ctx) => sendClosingReport(ctx),
  }),
]
