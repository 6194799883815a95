export * from '../features/staff/index.js'
