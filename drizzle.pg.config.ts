import { defineConfig } from "drizzle-kit";

// PostgreSQL (DATABASE_URL=postgres://…): `npx drizzle-kit generate --config drizzle.pg.config.ts`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./server/db/schema-pg.ts",
  out: "./server/migrations-pg",
});
