import type { z } from "zod";

/**
 * Parses what a newer server may send to an older app: keys the schema does
 * not know yet (a field added to guides after this app was built) are
 * dropped instead of failing the whole catalogue, so a phone that has not
 * updated keeps receiving guides offline. Anything else wrong still fails:
 * a broken answer must never replace good offline data. Safe because the
 * server re-checks every submission against its own, newer rules.
 */
export function parseDroppingUnknownKeys<T>(schema: z.ZodType<T>, value: unknown): T {
  let current = value;
  // Each round removes every unknown key zod reported; nested objects may only surface in a later round.
  for (let round = 0; round < 16; round++) {
    const result = schema.safeParse(current);
    if (result.success) return result.data;
    const issues = result.error.issues;
    if (!issues.every((issue) => issue.code === "unrecognized_keys")) throw result.error;
    // The value came from JSON: a JSON copy is exact, and leaves the caller's object untouched.
    if (round === 0) current = JSON.parse(JSON.stringify(value));
    for (const issue of issues) {
      const holder = issue.path.reduce<unknown>(
        (node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey],
        current,
      ) as Record<string, unknown> | undefined;
      if (!holder || typeof holder !== "object") throw result.error;
      for (const key of issue.keys) delete holder[key];
    }
  }
  return schema.parse(current);
}
