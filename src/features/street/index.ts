/** The street level's public face: its group's admission rule, its commands, its summary job. */
export { admitStreetRoom } from './admitStreetRoom.js'
export { streetCommands } from './commands.js'
export { sendStreetSummary } from './streetSummary.js'
export { sendStreetNotice } from './postStreetNotice.js'
