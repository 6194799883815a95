/** The staff feature's public face: the rules a room passes when it is seen, and the codes issued at start. */
export { admitRoom } from './admitRoom.js'
export { issueBindCodes } from './bindCodes.js'
