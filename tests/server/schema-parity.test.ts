import { is, SQL, type Table } from "drizzle-orm";
import {
  bigint,
  boolean,
  PgTable,
  getTableConfig as pgConfig,
  index as pgIndex,
  pgTable,
  text as pgText,
  uniqueIndex as pgUniqueIndex,
} from "drizzle-orm/pg-core";
import {
  SQLiteTable,
  getTableConfig as sqliteConfig,
  index as sqliteIndex,
  integer as sqliteInteger,
  sqliteTable,
  text as sqliteText,
} from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as active from "../../server/db/schema";
import * as pgSchema from "../../server/db/schema-pg";
import * as sqliteSchema from "../../server/db/schema-sqlite";

/*
 * Issue 16: drizzle has no dialect-neutral schema, so the SQLite tables
 * (schema-sqlite.ts, the reference) and the PostgreSQL ones (schema-pg.ts)
 * are written twice. This holds them together: the same tables, columns
 * (name, JS data type, not null, default, enum list), primary keys, foreign
 * keys, unique constraints, checks and indexes (name, columns, unique,
 * partial). A change to one side alone fails here.
 */

interface ColumnLike {
  name: string;
  notNull: boolean;
  primary: boolean;
  dataType: string;
  hasDefault: boolean;
  default?: unknown;
  enumValues?: readonly string[];
  isUnique: boolean;
}

interface ConfigLike {
  name: string;
  columns: ColumnLike[];
  primaryKeys: { columns: { name: string }[] }[];
  foreignKeys: {
    reference(): { columns: { name: string }[]; foreignColumns: { name: string }[]; foreignTable: Table };
    onDelete?: string;
    onUpdate?: string;
  }[];
  uniqueConstraints: { name?: string; columns: { name: string }[] }[];
  checks: { name: string }[];
  indexes: { config: { name?: string; unique?: boolean; where?: unknown; columns: unknown[] } }[];
}

function tableName(table: Table): string {
  return (is(table, PgTable) ? pgConfig(table) : sqliteConfig(table as SQLiteTable)).name;
}

/** A table's shape in words both dialects share. */
function shape(config: ConfigLike) {
  const single = config.columns.filter((column) => column.primary).map((column) => column.name);
  return {
    columns: Object.fromEntries(
      config.columns.map((column) => [
        column.name,
        {
          dataType: column.dataType,
          notNull: column.notNull,
          default: column.hasDefault ? JSON.stringify(column.default ?? null) : undefined,
          enum: column.enumValues?.length ? [...column.enumValues] : undefined,
          unique: column.isUnique,
        },
      ]),
    ),
    primaryKey: single.length ? single : config.primaryKeys.flatMap((key) => key.columns.map((column) => column.name)),
    foreignKeys: config.foreignKeys
      .map((key) => {
        const reference = key.reference();
        return {
          columns: reference.columns.map((column) => column.name),
          references: `${tableName(reference.foreignTable)}(${reference.foreignColumns.map((column) => column.name).join(",")})`,
          onDelete: key.onDelete ?? "no action",
          onUpdate: key.onUpdate ?? "no action",
        };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    unique: config.uniqueConstraints
      .map((constraint) => ({ name: constraint.name, columns: constraint.columns.map((column) => column.name) }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    checks: config.checks.map((check) => check.name).sort(),
    indexes: Object.fromEntries(
      config.indexes.map(({ config: index }) => [
        index.name,
        {
          // An expression (the NIK inside the content) is written per dialect: only its place is compared.
          columns: index.columns.map((column) =>
            is(column, SQL) ? "(expression)" : (column as { name: string }).name,
          ),
          unique: index.unique ?? false,
          partial: index.where !== undefined,
        },
      ]),
    ),
  };
}

function tablesOf(module: Record<string, unknown>, kind: typeof PgTable | typeof SQLiteTable) {
  return Object.fromEntries(Object.entries(module).filter(([, value]) => is(value, kind)));
}

const sqliteTables = tablesOf(sqliteSchema, SQLiteTable) as Record<string, SQLiteTable>;
const pgTables = tablesOf(pgSchema, PgTable) as Record<string, PgTable>;

const sqliteShape = (table: SQLiteTable) => shape(sqliteConfig(table) as unknown as ConfigLike);
const pgShape = (table: PgTable) => shape(pgConfig(table) as unknown as ConfigLike);

describe("schema-sqlite.ts and schema-pg.ts", () => {
  it("export the same tables under the same names and SQL names", () => {
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(15);
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    for (const [key, table] of Object.entries(sqliteTables)) {
      expect(pgConfig(pgTables[key] as PgTable).name, key).toBe(sqliteConfig(table).name);
    }
  });

  for (const [key, table] of Object.entries(sqliteTables)) {
    it(`describe ${sqliteConfig(table).name} the same way`, () => {
      const pg = pgTables[key];
      expect(pg, `schema-pg.ts has no ${key}`).toBeDefined();
      expect(pgShape(pg as PgTable)).toEqual(sqliteShape(table));
    });
  }

  it("have no other exports that look like tables or relations", () => {
    expect(Object.keys(sqliteSchema).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(pgSchema).sort()).toEqual(Object.keys(pgTables).sort());
  });

  it("are both handed out by schema.ts, every table, the SQLite ones without DATABASE_URL", () => {
    expect(Object.keys(active).sort()).toEqual(Object.keys(sqliteTables).sort());
    if (!process.env.DATABASE_URL) {
      for (const [key, table] of Object.entries(active)) expect(table, key).toBe(sqliteTables[key]);
    }
  });

  it("notice a one-sided change (the comparison is not blind)", () => {
    const sqliteParent = sqliteTable("parent", { id: sqliteText("id").primaryKey() });
    const pgParent = pgTable("parent", { id: pgText("id").primaryKey() });
    const sqliteChild = sqliteTable(
      "child",
      {
        id: sqliteInteger("id").primaryKey({ autoIncrement: true }),
        parentId: sqliteText("parent_id").references(() => sqliteParent.id),
        done: sqliteInteger("done", { mode: "boolean" }).notNull(),
      },
      (table) => [sqliteIndex("child_parent_idx").on(table.parentId)],
    );
    const pgChild = (options: { indexName?: string; notNull?: boolean; onDelete?: "cascade"; unique?: boolean } = {}) =>
      pgTable(
        "child",
        {
          id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
          parentId: pgText("parent_id").references(() => pgParent.id, { onDelete: options.onDelete }),
          done: options.notNull === false ? boolean("done") : boolean("done").notNull(),
        },
        (table) => [
          (options.unique ? pgUniqueIndex : pgIndex)(options.indexName ?? "child_parent_idx").on(table.parentId),
        ],
      );
    expect(pgShape(pgChild())).toEqual(sqliteShape(sqliteChild));
    expect(pgShape(pgChild({ indexName: "child_parent" }))).not.toEqual(sqliteShape(sqliteChild));
    expect(pgShape(pgChild({ notNull: false }))).not.toEqual(sqliteShape(sqliteChild));
    expect(pgShape(pgChild({ onDelete: "cascade" }))).not.toEqual(sqliteShape(sqliteChild));
    expect(pgShape(pgChild({ unique: true }))).not.toEqual(sqliteShape(sqliteChild));
  });
});
