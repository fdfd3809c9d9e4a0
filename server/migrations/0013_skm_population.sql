-- Issue 14: the SKM's population served is the files an office decided in a period; this partial index
-- holds only decided files, ordered by decision time and covering the count, so it reads the period's entries alone
-- (server/skm/results.ts decidedFiles: its WHERE repeats this index's terms word for word, which is
-- what lets SQLite use a partial index).
CREATE INDEX `applications_decided_idx` ON `applications` (`decided_at`, `kecamatan_code`, `guide_id`, `status`, `deleted_at`) WHERE status IN ('approved', 'rejected') AND deleted_at IS NULL;
