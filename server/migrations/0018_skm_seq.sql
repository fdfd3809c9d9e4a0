-- Issue 16: skm_responses gets a real insertion-order column, `seq`, the cursor of the cached tallies and
-- the CSV (server/skm), which read the rowid before: PostgreSQL has none (there `seq` is an identity
-- column, migrations-pg). Hand-written: SQLite cannot add a NOT NULL column without a default, so the
-- table is rebuilt, each row keeping its rowid as its seq. New rows take max(seq) + 1 in their insert
-- (schema-sqlite.ts), as a rowid was handed out.
CREATE TABLE `__new_skm_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`questionnaire` text NOT NULL,
	`channel` text NOT NULL,
	`application_id` text REFERENCES `applications`(`id`),
	`kecamatan_code` text NOT NULL,
	`guide_id` text,
	`answers` text NOT NULL,
	`profile` text NOT NULL,
	`suggestion` text,
	`answered_on` text NOT NULL,
	`received_at` text NOT NULL,
	`content_hash` text NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_skm_responses` (`id`, `questionnaire`, `channel`, `application_id`, `kecamatan_code`, `guide_id`,
	`answers`, `profile`, `suggestion`, `answered_on`, `received_at`, `content_hash`, `seq`)
SELECT `id`, `questionnaire`, `channel`, `application_id`, `kecamatan_code`, `guide_id`, `answers`, `profile`,
	`suggestion`, `answered_on`, `received_at`, `content_hash`, `rowid` FROM `skm_responses` ORDER BY `rowid`;
--> statement-breakpoint
DROP TABLE `skm_responses`;
--> statement-breakpoint
ALTER TABLE `__new_skm_responses` RENAME TO `skm_responses`;
--> statement-breakpoint
CREATE UNIQUE INDEX `skm_responses_application_idx` ON `skm_responses` (`application_id`) WHERE `application_id` IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `skm_responses_period_idx` ON `skm_responses` (`kecamatan_code`, `answered_on`, `guide_id`);
--> statement-breakpoint
CREATE INDEX `skm_responses_day_idx` ON `skm_responses` (`answered_on`);
--> statement-breakpoint
CREATE UNIQUE INDEX `skm_responses_seq_idx` ON `skm_responses` (`seq`);
