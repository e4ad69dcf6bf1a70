// Settings read once at start-up and shared by the routes.
export const connectionString = process.env.DATABASE_URL ?? 'postgres://localhost/demo';
