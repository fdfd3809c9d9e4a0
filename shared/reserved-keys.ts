/**
 * Keys that reach an object's prototype when used on a plain object
 * (`draft.documents["constructor"]` is Object's constructor, not a document).
 * The server refuses them in JSON bodies (server/http/body.ts) and the guide
 * schema refuses them as ids, since ids become keys of drafts and pushes.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.has(key);
}
