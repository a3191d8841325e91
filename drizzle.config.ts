import { defineConfig } from 'drizzle-kit';

// Each context owns its tables; drizzle-kit reads them all to generate forward-only SQL migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/platform/**/tables.ts',
    './src/contexts/*/db/tables.ts',
    './src/contexts/*/db/*.tables.ts',
  ],
  out: './migrations',
});
