import { defineConfig } from 'drizzle-kit';

// drizzle-kit pushes schema.ts to the Supabase database, so its tables are served by the Data API.
export default defineConfig({ schema: './schema.ts', out: './migrations', dialect: 'postgresql' });
