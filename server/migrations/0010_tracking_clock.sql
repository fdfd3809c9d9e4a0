-- Issue 13: a tracking number for every submitted file, and its service-time clock. Hand-written
-- (drizzle-kit mangles expression and partial indexes). `clock` is the whole record as JSON
-- (shared/service-time/clock.ts); `clock_state` and `clock_deadline` repeat what the queue filters and
-- sorts by, under one index.
ALTER TABLE `applications` ADD `tracking_number` text;
--> statement-breakpoint
ALTER TABLE `applications` ADD `clock` text;
--> statement-breakpoint
ALTER TABLE `applications` ADD `clock_state` text;
--> statement-breakpoint
ALTER TABLE `applications` ADD `clock_deadline` text;
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_tracking_idx` ON `applications` (`tracking_number`) WHERE `tracking_number` IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `applications_clock_idx` ON `applications` (`kecamatan_code`, `clock_state`, `clock_deadline`, `id`);
--> statement-breakpoint
-- Dates the office is closed besides weekends: national holidays, cuti bersama, the office's own closures.
CREATE TABLE `calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
-- The office's settings, one JSON value per key (server/settings/).
CREATE TABLE `office_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL
);
