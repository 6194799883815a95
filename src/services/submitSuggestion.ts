export * from '../features/suggestions/index.js'
