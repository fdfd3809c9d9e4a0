-- Issue 14: citizens' voice. The satisfaction survey (SKM, PermenPANRB 14/2017), its follow-up plans, and
-- complaints (pengaduan) with their history. Hand-written, as 0010. Survey responses and anonymous
-- complaints hold nothing that names a person: no user id, no address, no IP.
ALTER TABLE `users` ADD `handles_complaints` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE TABLE `skm_responses` (
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
	`content_hash` text NOT NULL
);
--> statement-breakpoint
-- One response per file.
CREATE UNIQUE INDEX `skm_responses_application_idx` ON `skm_responses` (`application_id`) WHERE `application_id` IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `skm_responses_period_idx` ON `skm_responses` (`kecamatan_code`, `answered_on`, `guide_id`);
--> statement-breakpoint
CREATE INDEX `skm_responses_day_idx` ON `skm_responses` (`answered_on`);
--> statement-breakpoint
CREATE TABLE `skm_follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`kecamatan_code` text,
	`period` text NOT NULL,
	`element_id` text NOT NULL,
	`action` text NOT NULL,
	`owner` text NOT NULL,
	`due_date` text NOT NULL,
	`done_at` text,
	`created_by` text NOT NULL REFERENCES `users`(`id`),
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `skm_follow_ups_period_idx` ON `skm_follow_ups` (`kecamatan_code`, `period`);
--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`kecamatan_code` text NOT NULL,
	`kelurahan_code` text,
	`place_kind` text NOT NULL,
	`guide_id` text,
	`application_id` text REFERENCES `applications`(`id`),
	`category` text NOT NULL,
	`description` text NOT NULL,
	`happened_on` text NOT NULL,
	`amount_asked` integer,
	`official_fee` integer,
	`evidence` text DEFAULT '[]' NOT NULL,
	`anonymous` integer NOT NULL,
	`confidential` integer NOT NULL,
	`reporter_user_id` text REFERENCES `users`(`id`),
	`reporter_name` text,
	`reporter_contact` text,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`assignee_id` text REFERENCES `users`(`id`),
	`answer` text,
	`referral` text,
	`clock` text,
	`clock_state` text,
	`clock_deadline` text,
	`content_hash` text NOT NULL,
	`received_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`closed_at` text,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_number_idx` ON `complaints` (`number`);
--> statement-breakpoint
CREATE INDEX `complaints_queue_idx` ON `complaints` (`kecamatan_code`, `status`, `received_at`);
--> statement-breakpoint
CREATE INDEX `complaints_clock_idx` ON `complaints` (`kecamatan_code`, `clock_state`, `clock_deadline`);
--> statement-breakpoint
CREATE INDEX `complaints_received_idx` ON `complaints` (`received_at`);
--> statement-breakpoint
CREATE TABLE `complaint_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` text NOT NULL REFERENCES `complaints`(`id`),
	`at` text NOT NULL,
	`actor_id` text REFERENCES `users`(`id`),
	`kind` text NOT NULL,
	`status` text,
	`text` text
);
--> statement-breakpoint
CREATE INDEX `complaint_events_complaint_idx` ON `complaint_events` (`complaint_id`, `id`);
