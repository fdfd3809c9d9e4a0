/**
 * Drafts come from phones and may hold anything that fits the schema's types,
 * or not even that. These helpers read them without ever throwing.
 */

/** A string value, or "" for anything else. */
export function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** An own property of a record (never one inherited from Object.prototype, e.g. "constructor"). */
export function own<T>(record: unknown, key: string): T | undefined {
  if (typeof record !== "object" || record === null) return undefined;
  return Object.hasOwn(record, key) ? (record as Record<string, T>)[key] : undefined;
}

/**
 * Runs an injected check (validators, region index); a check that throws
 * counts as "could not check", so the file is never called ready by mistake.
 */
export function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
