DROP INDEX `review_findings_scope_idx`;--> statement-breakpoint
CREATE INDEX `review_findings_scope_idx` ON `review_findings` (`kecamatan_code`,`guide_id`,`decision`,`reason_code`,`requirement_id`);