import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['tests/helpers/postgres.global.ts'],
    testTimeout: 30_000,
    env: { TZ: 'UTC' }
  }
})
