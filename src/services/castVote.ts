export * from '../features/rounds/index.js'
