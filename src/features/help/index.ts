/** The help feature's public face: 帮助's order of the commands, and its sections (the registry's test). */
export { helpSections, type HelpSections } from './showHelp.js'
export { HELP_ORDER } from './text.js'
