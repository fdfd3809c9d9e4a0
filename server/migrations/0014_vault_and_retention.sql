-- Issue 15: the two secrets a cadre's phone needs to seal people's data (shared/api/vault.ts), made at the
-- first sign-in after this version and released only to a password sign-in.
ALTER TABLE `users` ADD `vault_unlock_secret` text;
--> statement-breakpoint
ALTER TABLE `users` ADD `vault_recovery_secret` text;
--> statement-breakpoint
-- Issue 15: closed files and complaints past the office's retention keep their figures and lose their
-- personal data and photos (server/retention/); the time it happened, so a run never repeats the work.
ALTER TABLE `applications` ADD `scrubbed_at` text;
--> statement-breakpoint
ALTER TABLE `complaints` ADD `scrubbed_at` text;
