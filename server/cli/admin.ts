/**
 * Account administration from the server's shell.
 *
 *   npm run admin -- create-admin --username budi --name "Budi Admin"
 *   npm run admin -- list-users
 *
 * create-admin reads the password from MASDARIN_ADMIN_PASSWORD or, when that
 * is not set, from the first line of stdin (not echoed on a terminal). The
 * database is PostgreSQL when DATABASE_URL=postgres://… is set, else
 * ${DATA_DIR:-./data}/masdarin.sqlite; migrated on open either way.
 * Exit codes: 0 done, 1 refused (taken username, weak password), 2 usage.
 */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { DisplayName, Username } from "../../shared/api/users";
import { checkPasswordPolicy, PasswordPolicyError } from "../auth/password";
import { createUser, listUsers, UsernameTakenError } from "../auth/users";
import { databaseOf, describeDatabase, readConfig } from "../config";
import { closeDatabase, openDatabase } from "../db/open";

const USAGE = `Usage:
  npm run admin -- create-admin --username <username> --name "<display name>"
      Password from MASDARIN_ADMIN_PASSWORD, else the first line of stdin.
  npm run admin -- list-users`;

class UsageError extends Error {}
class RefusedError extends Error {}

function parseFlags(args: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i] ?? "";
    const value = args[i + 1];
    if (!name.startsWith("--") || value === undefined) throw new UsageError(`Unexpected argument "${name}".`);
    flags.set(name.slice(2), value);
  }
  return flags;
}

/** One line from stdin; on a terminal the typing is not echoed. */
async function readPasswordLine(): Promise<string> {
  const terminal = Boolean(process.stdin.isTTY);
  if (terminal) process.stderr.write("Password: ");
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: silent, terminal });
  try {
    for await (const line of lines) return line;
    throw new RefusedError("No password given (set MASDARIN_ADMIN_PASSWORD or type it on stdin).");
  } finally {
    lines.close();
    if (terminal) process.stderr.write("\n");
  }
}

async function createAdmin(args: string[]): Promise<void> {
  const flags = parseFlags(args);
  for (const name of flags.keys()) {
    if (name !== "username" && name !== "name") throw new UsageError(`Unknown option --${name}.`);
  }
  const username = Username.safeParse(flags.get("username") ?? "");
  if (!username.success) {
    throw new RefusedError("The username must be 3–40 characters of a-z, 0-9, dot, underscore or hyphen.");
  }
  const displayName = DisplayName.safeParse(flags.get("name") ?? "");
  if (!displayName.success) throw new RefusedError('Give a display name of 1–100 characters with --name "…".');

  const password = process.env.MASDARIN_ADMIN_PASSWORD ?? (await readPasswordLine());
  checkPasswordPolicy(password);

  const target = databaseOf(readConfig());
  const db = await openDatabase(target);
  try {
    const user = await createUser(
      db,
      { username: username.data, displayName: displayName.data, role: "admin", password, createdBy: null },
      new Date(),
    );
    console.log(`Created admin "${user.username}" (id ${user.id}) in ${describeDatabase(target).database}.`);
  } finally {
    await closeDatabase(db);
  }
}

async function listAllUsers(args: string[]): Promise<void> {
  if (args.length > 0) throw new UsageError("list-users takes no options.");
  const db = await openDatabase(databaseOf(readConfig()));
  try {
    const rows = await listUsers(db);
    if (rows.length === 0) console.log("No users yet. Create the first admin with create-admin.");
    for (const row of rows) {
      const place = row.kelurahanCode ?? row.kecamatanCode ?? "-";
      const state = row.disabledAt ? "disabled" : "active";
      console.log([row.username, row.role, place, state, row.id].join("\t"));
    }
  } finally {
    await closeDatabase(db);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "create-admin") await createAdmin(rest);
    else if (command === "list-users") await listAllUsers(rest);
    else throw new UsageError(command ? `Unknown command "${command}".` : "No command given.");
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof UsernameTakenError) {
      console.error("That username is taken; choose another.");
      return 1;
    }
    if (error instanceof PasswordPolicyError || error instanceof RefusedError) {
      console.error(error.message);
      return 1;
    }
    // Only the error's name and message: never a password.
    console.error(`Failed: ${error instanceof Error ? `${error.name}: ${error.message}` : "unknown error"}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
