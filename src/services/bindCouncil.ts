export * from '../features/council/index.js'
