/** The rooms feature's public face: keeping groups and their members as the chat reports them. */
export { botLeftRoom, membersJoined, membersLeft, roomRenamed, syncAllRooms, syncRoom, type SyncDeps } from './syncRooms.js'
