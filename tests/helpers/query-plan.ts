import { type SQL, sql } from "drizzle-orm";
import { vi } from "vitest";
import type { Db } from "../../server/db/open";
import { rawAll, rawRun } from "../../server/db/raw";
import { withTransaction } from "../../server/db/transaction";

/** One node of a PostgreSQL plan, with the fields the tests look at. */
export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Filter?: string;
  /** The planner's estimate of the rows this node gives. */
  "Plan Rows"?: number;
  Plans?: PlanNode[];
}

/**
 * The nodes of PostgreSQL's plan for `query` (EXPLAIN (FORMAT JSON)), depth
 * first. A test's tables hold a handful of rows, where a sequential scan is
 * always cheapest: `indexesOnly` turns sequential and bitmap scans and sorts
 * off for the one transaction (SET LOCAL), so the plan shows what the indexes
 * can serve: a query no index can answer in order still gets a Seq Scan or a
 * Sort (disabled only makes them costly), and the test sees it.
 */
export async function postgresPlan(db: Db, query: SQL, indexesOnly = true): Promise<PlanNode[]> {
  return withTransaction(db, async (tx) => {
    if (indexesOnly) {
      for (const setting of ["enable_seqscan", "enable_bitmapscan", "enable_sort"]) {
        await rawRun(tx, sql.raw(`SET LOCAL ${setting} = off`));
      }
    }
    const [row] = await rawAll<{ "QUERY PLAN": string | { Plan: PlanNode }[] }>(
      tx,
      sql`EXPLAIN (FORMAT JSON) ${query}`,
    );
    const text = row?.["QUERY PLAN"];
    const plans = (typeof text === "string" ? JSON.parse(text) : text) as { Plan: PlanNode }[];
    const nodes: PlanNode[] = [];
    const walk = (node: PlanNode) => {
      nodes.push(node);
      for (const child of node.Plans ?? []) walk(child);
    };
    for (const plan of plans) walk(plan.Plan);
    return nodes;
  });
}

/** The tables a plan reads (Relation Name of every scan) and the indexes it uses. */
export function planReads(nodes: PlanNode[]): { relations: string[]; indexes: string[]; nodeTypes: string[] } {
  return {
    relations: nodes.flatMap((node) => (node["Relation Name"] ? [node["Relation Name"]] : [])),
    indexes: nodes.flatMap((node) => (node["Index Name"] ? [node["Index Name"]] : [])),
    nodeTypes: nodes.map((node) => node["Node Type"]),
  };
}

/** A statement as the PostgreSQL driver was handed it: its text ($1, $2, … placeholders) and values. */
export interface SentStatement {
  text: string;
  values: unknown[];
}

/**
 * Every statement `work` sends to PostgreSQL (node-postgres's Client.query, which the pool and drizzle
 * call), for plan checks of what a route really runs, as the SQLite tests collect them from prepare.
 */
export async function postgresStatements(work: () => Promise<unknown>): Promise<SentStatement[]> {
  const pg = (await import("pg")).default;
  // A spy calls through to the real query; only its calls are read.
  const query = vi.spyOn(pg.Client.prototype, "query");
  let calls: unknown[][];
  try {
    await work();
  } finally {
    calls = query.mock.calls.map((call) => [...call]);
    query.mockRestore();
  }
  const sent: SentStatement[] = [];
  for (const [first, second] of calls) {
    if (typeof first === "string") sent.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === "object" && "text" in first) {
      // drizzle passes the values beside the config: client.query({ text, … }, params).
      const config = first as { text: string; values?: unknown[] };
      sent.push({ text: config.text, values: Array.isArray(second) ? second : (config.values ?? []) });
    }
  }
  return sent;
}

/** A sent statement as a drizzle `sql` query again (its values bound in placeholder order), for postgresPlan. */
export function resent(statement: SentStatement): SQL {
  const pieces = statement.text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  for (const [index, piece] of pieces.entries()) {
    if (index % 2 === 0) chunks.push(sql.raw(piece));
    else chunks.push(sql`${statement.values[Number(piece) - 1]}`);
  }
  return sql.join(chunks, sql.raw(""));
}
