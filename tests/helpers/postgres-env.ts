// Runs in each worker before a test file loads: the server modules it imports see DATABASE_URL.
const url = process.env.MASDARIN_TEST_POSTGRES_URL;
if (!url) throw new Error("the PostgreSQL run needs tests/helpers/postgres.ts as its globalSetup");
process.env.DATABASE_URL = url;
