import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite starts a whole Postgres per test file: two at a time fits two cores
    maxWorkers: 2,
    pool: 'forks',
  },
})
