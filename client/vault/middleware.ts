import type { DBCore, DBCoreCursor, DBCoreTable, DBCoreTableSchema, Middleware } from "dexie";
import { isSealed, openRecord, type Sealed, sealRecord } from "./envelope";
import { nextVersion, requireKey } from "./keyring";
import { isSealedTable } from "./personal-tables";

/**
 * Encryption at rest, in one place: a Dexie DBCore layer over the personal
 * tables. Every value written is sealed (envelope.ts) before it reaches
 * IndexedDB and every value read is opened on the way up, so screens, the
 * repository and the sync engine work with plain rows and cannot forget to
 * encrypt. Without an unlocked key, reading or writing a personal record
 * throws VaultLockedError; counts and key-only reads still work (they show
 * no personal value: "3 changes waiting" is allowed on the lock screen).
 *
 * A stored row is its clear fields (primary key and indexed fields, which
 * IndexedDB must read) plus `$sealed`, the whole record encrypted. On
 * reading, the clear fields must match the sealed ones: a row whose index
 * was edited by hand to move it under another draft is refused.
 */
export const SEALED_FIELD = "$sealed";

type Row = Record<string, unknown>;

function keyPaths(schema: DBCoreTableSchema): string[] {
  const paths = new Set<string>();
  for (const index of [schema.primaryKey, ...schema.indexes]) {
    const path = index.keyPath;
    if (typeof path === "string") paths.add(path);
    else if (Array.isArray(path)) for (const part of path) paths.add(part);
  }
  return [...paths];
}

function sealTable(table: DBCoreTable): DBCoreTable {
  const clear = keyPaths(table.schema);
  const primary = table.schema.primaryKey.keyPath as string;

  const seal = (value: Row): Row => {
    const { profileId, key } = requireKey();
    const stored: Row = {};
    for (const path of clear) if (value[path] !== undefined) stored[path] = value[path];
    stored[SEALED_FIELD] = sealRecord(
      key,
      { profileId, table: table.name, key: value[primary] as IDBValidKey, version: nextVersion() },
      value,
    );
    return stored;
  };

  const open = (stored: unknown): unknown => {
    if (stored === undefined || stored === null) return stored;
    const { profileId, key } = requireKey();
    const row = stored as Row;
    const sealed = row[SEALED_FIELD];
    if (!isSealed(sealed)) throw new VaultIntegrityError(table.name, "not sealed");
    const value = openRecord(key, { profileId, table: table.name, key: row[primary] as IDBValidKey }, sealed as Sealed);
    for (const path of clear) {
      if (row[path] !== undefined && !sameKey(row[path], value[path])) throw new VaultIntegrityError(table.name, path);
    }
    return value;
  };

  const openCursor = (cursor: DBCoreCursor): DBCoreCursor => {
    let cache: { raw: unknown; value: unknown } | null = null;
    return Object.create(cursor, {
      value: {
        get() {
          const raw = cursor.value;
          if (!cache || cache.raw !== raw) cache = { raw, value: open(raw) };
          return cache.value;
        },
      },
    });
  };

  return {
    ...table,
    mutate(req) {
      if (upgrading(req.trans)) return table.mutate(req);
      if (req.type === "add" || req.type === "put") {
        return table.mutate({ ...req, values: req.values.map((value) => seal(value as Row)) });
      }
      return table.mutate(req);
    },
    get: (req) => (upgrading(req.trans) ? table.get(req) : table.get(req).then(open)),
    getMany: (req) =>
      upgrading(req.trans) ? table.getMany(req) : table.getMany(req).then((values) => values.map(open)),
    query: (req) =>
      upgrading(req.trans)
        ? table.query(req)
        : table
            .query(req)
            .then((response) => (req.values ? { ...response, result: response.result.map(open) } : response)),
    openCursor: (req) =>
      upgrading(req.trans)
        ? table.openCursor(req)
        : table.openCursor(req).then((cursor) => (cursor && req.values !== false ? openCursor(cursor) : cursor)),
  };
}

/**
 * Schema upgrades run before anyone has a key, on rows as stored: an older
 * version's plaintext (sealed later, client/vault/profile-store.ts
 * sealPlaintext). An upgrade function written after this version sees sealed
 * envelopes and must not read personal fields (client/db/local-db.ts).
 */
function upgrading(trans: unknown): boolean {
  return (trans as IDBTransaction | undefined)?.mode === "versionchange";
}

function sameKey(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class VaultIntegrityError extends Error {
  override name = "VaultIntegrityError";
  constructor(table: string, what: string) {
    super(`A ${table} record failed its integrity check (${what})`);
  }
}

export const vaultMiddleware: Middleware<DBCore> = {
  stack: "dbcore",
  name: "masdarin-vault",
  create: (down: DBCore): DBCore => ({
    ...down,
    table: (name) => (isSealedTable(name) ? sealTable(down.table(name)) : down.table(name)),
  }),
};
