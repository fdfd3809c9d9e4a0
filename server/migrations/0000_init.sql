CREATE TABLE `guides` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL,
	`change_seq` integer NOT NULL,
	`withdrawn_at` text,
	`updated_at` text NOT NULL,
	CONSTRAINT "guides_version_positive" CHECK("guides"."version" >= 1)
);
--> statement-breakpoint
CREATE INDEX `guides_change_seq_idx` ON `guides` (`change_seq`);