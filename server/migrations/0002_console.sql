CREATE TABLE `application_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` text NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text,
	`status` text,
	`detail` text,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_events_app_idx` ON `application_events` (`application_id`,`id`);--> statement-breakpoint
CREATE INDEX `application_events_actor_idx` ON `application_events` (`actor_id`,`id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_role` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`kecamatan_code` text,
	`before` text,
	`after` text,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_kecamatan_idx` ON `audit_log` (`kecamatan_code`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_id`,`id`);--> statement-breakpoint
CREATE TABLE `guide_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `review_findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` text NOT NULL,
	`guide_id` text NOT NULL,
	`kecamatan_code` text,
	`village_code` text,
	`cadre_id` text NOT NULL,
	`decision` text NOT NULL,
	`requirement_id` text,
	`reason_code` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `review_findings_scope_idx` ON `review_findings` (`kecamatan_code`,`guide_id`,`reason_code`);--> statement-breakpoint
ALTER TABLE `applications` ADD `kecamatan_code` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `draft_created_at` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `first_submitted_at` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `submit_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `precheck_failures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `received_at` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `first_decision_at` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `decided_at` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `sent_back_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `applications_queue_idx` ON `applications` (`kecamatan_code`,`status`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `applications_kecamatan_submitted_idx` ON `applications` (`kecamatan_code`,`first_submitted_at`);--> statement-breakpoint
ALTER TABLE `guide_versions` ADD `published_by` text;--> statement-breakpoint
ALTER TABLE `guide_versions` ADD `change_note` text;--> statement-breakpoint
-- Backfill the workflow facts of applications stored before the console existed.
UPDATE `applications` SET
	`kecamatan_code` = (SELECT `kecamatan_code` FROM `users` WHERE `users`.`id` = `applications`.`cadre_id`),
	`draft_created_at` = json_extract(`content`, '$.createdAt'),
	`first_submitted_at` = `submitted_at`,
	`submit_count` = CASE WHEN `submitted_at` IS NULL THEN 0 ELSE 1 END;
