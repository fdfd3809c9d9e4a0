-- Issue 16: sign-in failure limits and the public routes' token buckets live in the database, so every
-- app server counts the same attempts (server/auth/rate-limit.ts). A row whose expires_ms has passed is
-- the same as no row and is pruned.
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`expires_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limits_expires_idx` ON `rate_limits` (`expires_ms`);