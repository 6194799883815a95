import { defineConfig } from 'drizzle-kit'

// Only for `npm run db:generate`: writes SQL migrations from src/db/schema.ts into migrations/.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './migrations',
})
