export * from '../features/implementation/index.js'
