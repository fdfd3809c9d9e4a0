import { type SQL, sql } from "drizzle-orm";
import { activeDialect } from "./dialect";

/*
 * The few SQL forms SQLite and PostgreSQL spell differently, each once, for
 * hand-written queries (server/db/raw.ts). The dialect is the process's
 * (DATABASE_URL), the same one server/db/schema.ts chose the tables by.
 * Paths are constant keys from the code, never user input.
 */

const onPostgres = () => activeDialect() === "postgres";

function checkedPath(path: readonly string[]): readonly string[] {
  for (const key of path) if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`not a plain JSON key: ${key}`);
  return path;
}

/** The text at `path` inside a JSON value (NULL when absent): json_extract / #>>. For strings. */
export function jsonText(value: SQL, path: readonly string[]): SQL {
  const keys = checkedPath(path);
  if (onPostgres()) return sql`(${value} #>> ${sql.raw(`'{${keys.join(",")}}'`)})`;
  return sql`json_extract(${value}, ${sql.raw(`'$.${keys.join(".")}'`)})`;
}

/** The text at `$.<fixed>.<key>` where `key` is a bound value (a locale, for example). */
export function jsonTextAtKey(value: SQL, path: readonly string[], key: string): SQL {
  const keys = checkedPath(path);
  if (onPostgres()) return sql`(${value} #> ${sql.raw(`'{${keys.join(",")}}'`)} ->> ${key}::text)`;
  return sql`json_extract(${value}, ${sql.raw(`'$.${keys.join(".")}.'`)} || ${key})`;
}

/** `column IN (the given values)`, the list bound as one parameter whatever its length (one statement text). */
export function inList(column: SQL, values: readonly (string | number)[]): SQL {
  const list = JSON.stringify(values);
  if (onPostgres()) return sql`${column} IN (SELECT jsonb_array_elements_text(${list}::jsonb))`;
  return sql`${column} IN (SELECT value FROM json_each(${list}))`;
}

/** The larger of two values: greatest() on PostgreSQL, the two-argument scalar max() on SQLite. */
export function greatest(a: SQL, b: SQL): SQL {
  if (onPostgres()) return sql`greatest(${a}, ${b})`;
  return sql`max(${a}, ${b})`;
}

/**
 * jsonText spelled as the expression indexes are (PostgreSQL `value -> 'a' ->> 'b'`, SQLite
 * json_extract(value, '$.a.b')), so a lookup by it can use such an index (applications_guide_nik_idx).
 */
export function jsonIndexedText(value: SQL, path: readonly string[]): SQL {
  const keys = checkedPath(path);
  if (onPostgres()) {
    const steps = keys.map((key, i) => `${i === keys.length - 1 ? "->>" : "->"} '${key}'`).join(" ");
    return sql`(${value} ${sql.raw(steps)})`;
  }
  return sql`json_extract(${value}, ${sql.raw(`'$.${keys.join(".")}'`)})`;
}

/**
 * jsonText for a statement kept as a text (prepared once by its text, its plan checked by tests): the text at
 * `path` inside the JSON column `column`, spelled as jsonText spells it.
 */
export function jsonTextOfColumn(column: string, path: readonly string[]): string {
  const keys = checkedPath(path);
  if (!/^[a-z_]+(\.[a-z_]+)?$/.test(column)) throw new Error(`not a plain column: ${column}`);
  if (onPostgres()) return `(${column} #>> '{${keys.join(",")}}')`;
  return `json_extract(${column}, '$.${keys.join(".")}')`;
}

/**
 * The values of `value` over a group's rows joined by `separator` (SQLite group_concat, PostgreSQL string_agg
 * over the values in order: its order is otherwise not stable from one call to the next).
 */
export function groupConcat(value: SQL, separator: "," | "|" | ";"): SQL {
  if (onPostgres()) return sql`string_agg(${value}, ${sql.raw(`'${separator}'`)} ORDER BY ${value})`;
  return sql`group_concat(${value}, ${sql.raw(`'${separator}'`)})`;
}

/**
 * A JSON array bound as one parameter, as rows: `FROM ${jsonArrayRows(list, "s")}` gives `s.value`, each element
 * as JSON (read it with `s.value ->> 0`, which both engines spell alike). SQLite json_each, PostgreSQL
 * jsonb_array_elements. For plain strings to compare with text columns, jsonArrayTextRows.
 */
export function jsonArrayRows(list: string, alias: string): SQL {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`not a plain alias: ${alias}`);
  if (onPostgres()) {
    // PostgreSQL guesses 100 rows for any jsonb_array_elements, and joined with a rollup of millions of rows
    // (the dashboard's few period segments) it then scanned the whole table: 880 ms at 1,000,000 files. A
    // subquery with the list's exact LIMIT tells it the truth, and it walks the primary key once per element
    // (0.6 ms at 100,000 files, bench/postgres-scale.ts). The count is the parsed list's length, never input.
    const length = (JSON.parse(list) as unknown[]).length;
    return sql`(SELECT value FROM jsonb_array_elements(${list}::jsonb) LIMIT ${sql.raw(String(length))}) AS ${sql.raw(alias)}`;
  }
  return sql`json_each(${list}) ${sql.raw(alias)}`;
}

/** jsonArrayRows for an array of strings: `alias.value` is text on both engines (jsonb_array_elements_text). */
export function jsonArrayTextRows(list: string, alias: string): SQL {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`not a plain alias: ${alias}`);
  if (onPostgres()) return sql`jsonb_array_elements_text(${list}::jsonb) AS ${sql.raw(alias)}(value)`;
  return sql`json_each(${list}) ${sql.raw(alias)}`;
}

/**
 * A table pinned to one of its indexes on SQLite (`applications a INDEXED BY applications_queue_idx`: its
 * planner could otherwise pick another); PostgreSQL has no such hint and plans by cost: the table alone.
 * `from` and `index` are constant names from the code.
 */
export function indexedBy(from: string, index: string): SQL {
  if (!/^[a-z_]+( [a-z_]+)?$/.test(from) || !/^[a-z_]+$/.test(index)) throw new Error("not a plain table or index");
  if (onPostgres()) return sql.raw(from);
  return sql.raw(`${from} INDEXED BY ${index}`);
}

/**
 * Whole milliseconds from `earlier` to `later` (ISO times, with or without milliseconds or an offset), NULL
 * when either is NULL: SQLite's julianday difference, PostgreSQL's masdarin_ms_between (migrations-pg 0001,
 * the same rounding; NULL for a text that is not a time, as julianday gives).
 */
export function msBetween(later: SQL, earlier: SQL): SQL {
  if (onPostgres()) return sql`masdarin_ms_between(${later}, ${earlier})`;
  return sql`CAST(round((julianday(${later}) - julianday(${earlier})) * 86400000.0) AS INTEGER)`;
}

/**
 * `value LIKE pattern ESCAPE '\'`, ignoring case as SQLite's LIKE does (PostgreSQL's LIKE does not: ILIKE).
 * The pattern escapes %, _ and backslash with a backslash.
 */
export function likeIgnoringCase(value: SQL, pattern: string): SQL {
  if (onPostgres()) return sql`${value} ILIKE ${pattern} ESCAPE '\\'`;
  return sql`${value} LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * The Jakarta month ("2026-12") of an ISO time held as text (UTC+7, no daylight saving): SQLite's
 * strftime('%Y-%m', t, '+7 hours'), PostgreSQL's to_char of the time seven hours on from UTC.
 */
export function jakartaMonth(isoTime: SQL): SQL {
  if (onPostgres()) return sql`to_char(((${isoTime})::timestamptz AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM')`;
  return sql`strftime('%Y-%m', ${isoTime}, '+7 hours')`;
}

/**
 * The number at `path` inside a JSON value (NULL when absent), to add up or compare with numbers:
 * SQLite json_extract (a JSON number comes back as one), PostgreSQL `#>>` cast to numeric.
 */
export function jsonNumber(value: SQL, path: readonly string[]): SQL {
  const keys = checkedPath(path);
  if (onPostgres()) return sql`((${value} #>> ${sql.raw(`'{${keys.join(",")}}'`)})::numeric)`;
  return sql`json_extract(${value}, ${sql.raw(`'$.${keys.join(".")}'`)})`;
}

/**
 * What SQLite's json_each(value, '$.path') walks, on both engines: the elements of the array at `path`
 * inside a JSON column (the value itself for an empty path), or the values of the object there, as rows
 * `alias.value` holding each as JSON (read it with jsonText(sql`alias.value`, [...])). PostgreSQL:
 * jsonb_array_elements or jsonb_each by the value's type; no rows for a scalar or nothing.
 */
export function jsonEach(value: SQL, path: readonly string[], alias: string): SQL {
  const keys = checkedPath(path);
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`not a plain alias: ${alias}`);
  if (onPostgres()) {
    const at = keys.length ? sql`(${value} #> ${sql.raw(`'{${keys.join(",")}}'`)})` : value;
    return sql`LATERAL (SELECT x.value FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${at}) = 'array' THEN ${at} END) x
      UNION ALL SELECT x.value FROM jsonb_each(CASE WHEN jsonb_typeof(${at}) = 'object' THEN ${at} END) x) AS ${sql.raw(alias)}(value)`;
  }
  if (keys.length === 0) return sql`json_each(${value}) ${sql.raw(alias)}`;
  return sql`json_each(${value}, ${sql.raw(`'$.${keys.join(".")}'`)}) ${sql.raw(alias)}`;
}

/** How many elements the JSON array `value` holds: json_array_length / jsonb_array_length. */
export function jsonArrayLength(value: SQL): SQL {
  if (onPostgres()) return sql`jsonb_array_length(${value})`;
  return sql`json_array_length(${value})`;
}

/** inList for an integer column (ids): PostgreSQL compares the list's elements as bigints, not text. */
export function inIntegerList(column: SQL, values: readonly number[]): SQL {
  const list = JSON.stringify(values);
  if (onPostgres()) return sql`${column} IN (SELECT jsonb_array_elements_text(${list}::jsonb)::bigint)`;
  return sql`${column} IN (SELECT value FROM json_each(${list}))`;
}
