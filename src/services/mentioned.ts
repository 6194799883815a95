export * from '../features/households/index.js'
