-- Issue 16: the change counters. A writing transaction takes its change_seq with
-- UPDATE change_counters SET value = value + 1 WHERE name = $1 RETURNING value (server/sync/rows.ts,
-- server/guides/repository.ts): the row's lock orders the seqs as their transactions commit, so a pull
-- never passes a change that commits a moment later. Seeded with the highest change_seq written so far.
CREATE TABLE "change_counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "change_counters" ("name", "value") SELECT 'applications', coalesce(max("change_seq"), 0) FROM "applications";
--> statement-breakpoint
INSERT INTO "change_counters" ("name", "value") SELECT 'guides', coalesce(max("change_seq"), 0) FROM "guides";
