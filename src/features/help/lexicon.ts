/** The help command's own name: 帮助 does not list itself. */
export const HELP = '帮助'
