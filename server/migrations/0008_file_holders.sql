-- Possession of stored files (server/files/possession.ts): a hash counts only for those who sent its bytes.
CREATE TABLE `file_holders` (
	`sha256` text NOT NULL,
	`user_id` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`sha256`, `user_id`),
	FOREIGN KEY (`sha256`) REFERENCES `files`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Every stored file's uploader holds it.
INSERT OR IGNORE INTO `file_holders` (`sha256`, `user_id`, `at`) SELECT `sha256`, `uploaded_by`, `created_at` FROM `files`;
--> statement-breakpoint
-- Pages the office already took, before possession counted (one office's copy of another's bytes was then
-- skipped, not sent): their cadre holds them, so those files still open. Not drafts, nor files sent back,
-- whose content a save may since have changed unchecked.
INSERT OR IGNORE INTO `file_holders` (`sha256`, `user_id`, `at`)
SELECT DISTINCT `f`.`sha256`, `a`.`cadre_id`, `a`.`updated_at`
FROM `applications` `a`, json_each(`a`.`content`, '$.documents') `d`, json_each(`d`.`value`, '$.pages') `p`
JOIN `files` `f` ON `f`.`sha256` = json_extract(`p`.`value`, '$.sha256')
WHERE `a`.`status` NOT IN ('draft', 'needs-fix') AND `a`.`deleted_at` IS NULL;
