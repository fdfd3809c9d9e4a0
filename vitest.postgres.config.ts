import { defineConfig } from "vitest/config";

/**
 * The server suite again, on PostgreSQL (issue 16): one throw-away cluster for
 * the run (tests/helpers/postgres.ts), DATABASE_URL set in every worker before
 * a test file imports the server, so server/db/schema.ts hands out the
 * PostgreSQL tables and tests/helpers/temp-db.ts makes databases there.
 * Left out: what is about a SQLite file itself, and the tests that start
 * their own cluster or compare the two schemas.
 */
export default defineConfig({
  test: {
    include: ["tests/server/**/*.test.ts"],
    exclude: [
      "tests/server/backup.test.ts",
      "tests/server/sqlite-gate.test.ts",
      "tests/server/postgres-open.test.ts",
      "tests/server/schema-parity.test.ts",
      // Start their own cluster and server processes on it.
      "tests/server/multi-instance-postgres.test.ts",
      "tests/server/multi-instance-s3.test.ts",
      "tests/server/health-postgres.test.ts",
      "tests/server/postgres-ops.test.ts",
    ],
    environment: "node",
    reporters: ["default", "./tests/summary-reporter.ts"],
    globalSetup: ["tests/helpers/postgres.ts"],
    setupFiles: ["tests/helpers/postgres-env.ts"],
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
