export * from '../features/implementation/acceptanceResult.js'
