export * from '../features/export/index.js'
