export * from '../features/rooms/index.js'
