export * from '../features/implementation/showPoolHistory.js'
