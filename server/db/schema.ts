import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Published guides. Rows are never deleted: a withdrawn guide stays as a
 * tombstone so that devices pulling a delta learn to remove it.
 */
export const guides = sqliteTable(
  "guides",
  {
    id: text("id").primaryKey(),
    version: integer("version").notNull(),
    /** The whole Guide as JSON, validated by the shared schema before it is written. */
    data: text("data", { mode: "json" }).notNull(),
    /**
     * Value of the catalogue's change counter when this row last changed. Delta
     * cursors compare against it, never against clocks, so a skewed server
     * clock cannot make a device miss a change.
     */
    changeSeq: integer("change_seq").notNull(),
    withdrawnAt: text("withdrawn_at"),
    updatedAt: text("updated_at").notNull(),
  },
  (table) => [
    index("guides_change_seq_idx").on(table.changeSeq),
    check("guides_version_positive", sql`${table.version} >= 1`),
  ],
);
