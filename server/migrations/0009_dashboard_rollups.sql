-- The dashboard's figures, kept up to date by triggers in the same transaction as every change to an
-- application or a finding (server/dashboard/rollups.ts reads them; docs in that file). Hand-written:
-- drizzle-kit does not write triggers. Each change fans out to every rollup row the file counts in: out of
-- the rows of the file as it was (-1), into those of the file as it is (+1); a change of figures alone
-- (a verdict) adds the difference to the same rows once.
--
-- Keys: grain 'a' (all time, period ''), 'm' (Jakarta month of the first submission, 'YYYY-MM') or 'd'
-- (Jakarta day, 'YYYY-MM-DD'); kecamatan (the file's, '' for none) or '*' (every kecamatan); guide (the
-- service) or '*' (every service). A file counts once it has been submitted and while it is not deleted.
CREATE TABLE `dashboard_groups` (
	`grain` text NOT NULL,
	`kecamatan` text NOT NULL,
	`guide` text NOT NULL,
	`period` text NOT NULL,
	`dimension` text NOT NULL,
	`key` text NOT NULL,
	`submitted` integer NOT NULL,
	`first_pass` integer NOT NULL,
	`sent_back_or_rejected` integer NOT NULL,
	`s_submitted` integer NOT NULL,
	`s_received` integer NOT NULL,
	`s_verified` integer NOT NULL,
	`s_approved` integer NOT NULL,
	`s_needs_fix` integer NOT NULL,
	`s_rejected` integer NOT NULL,
	PRIMARY KEY(`grain`, `kecamatan`, `guide`, `period`, `dimension`, `key`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Durations as a histogram: `minutes` is the duration rounded to its bucket (server/dashboard/durations.ts).
CREATE TABLE `dashboard_durations` (
	`grain` text NOT NULL,
	`kecamatan` text NOT NULL,
	`guide` text NOT NULL,
	`period` text NOT NULL,
	`measure` text NOT NULL,
	`minutes` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`grain`, `kecamatan`, `guide`, `period`, `measure`, `minutes`)
) WITHOUT ROWID;
--> statement-breakpoint
-- The office's reasons; period is the first submission's Jakarta day or month of the finding's file.
CREATE TABLE `dashboard_reasons` (
	`grain` text NOT NULL,
	`kecamatan` text NOT NULL,
	`guide` text NOT NULL,
	`period` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text NOT NULL,
	`requirement` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`grain`, `kecamatan`, `period`, `guide`, `decision`, `reason`, `requirement`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `dashboard_reasons_guide_idx` ON `dashboard_reasons` (`grain`, `kecamatan`, `guide`, `period`);
--> statement-breakpoint
CREATE TRIGGER `applications_dashboard_insert` AFTER INSERT ON `applications`

BEGIN
INSERT INTO dashboard_groups (grain, kecamatan, guide, period, dimension, key, submitted, first_pass,
  sent_back_or_rejected, s_submitted, s_received, s_verified, s_approved, s_needs_fix, s_rejected)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  d.dim, d.key, 1, 1 * (new.precheck_failures = 0),
  1 * (new.sent_back_count > 0 OR new.status = 'rejected'), 1 * (new.status = 'submitted'),
  1 * (new.status = 'received'), 1 * (new.status = 'verified'), 1 * (new.status = 'approved'),
  1 * (new.status = 'needs-fix'), 1 * (new.status = 'rejected')
FROM (SELECT date(new.first_submitted_at, '+7 hours') AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT new.guide_id AS guide UNION ALL SELECT '*') s,
  (SELECT 'service' AS dim, new.guide_id AS key UNION ALL SELECT 'kelurahan', coalesce(new.village_code, '')
    UNION ALL SELECT 'cadre', new.cadre_id) d
WHERE new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL AND (g.grain = 'a' OR x.day IS NOT NULL)
ON CONFLICT DO UPDATE SET submitted = submitted + excluded.submitted, first_pass = first_pass + excluded.first_pass,
  sent_back_or_rejected = sent_back_or_rejected + excluded.sent_back_or_rejected,
  s_submitted = s_submitted + excluded.s_submitted, s_received = s_received + excluded.s_received,
  s_verified = s_verified + excluded.s_verified, s_approved = s_approved + excluded.s_approved,
  s_needs_fix = s_needs_fix + excluded.s_needs_fix, s_rejected = s_rejected + excluded.s_rejected;
INSERT INTO dashboard_durations (grain, kecamatan, guide, period, measure, minutes, n)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(m.day, 1, 7) ELSE m.day END,
  m.measure, (CASE WHEN m.ms < 0 THEN -1 ELSE 1 END) * ((abs(m.ms) + m.w / 2) / m.w) * (m.w / 60000), 1
FROM (SELECT measure, ms, day, CASE WHEN abs(ms) < 3600000 THEN 60000 WHEN abs(ms) < 10800000 THEN 300000
        WHEN abs(ms) < 43200000 THEN 900000 WHEN abs(ms) < 172800000 THEN 3600000
        WHEN abs(ms) < 1209600000 THEN 10800000 ELSE 86400000 END AS w
      FROM (SELECT 'draft-submit' AS measure, CAST(round((julianday(new.first_submitted_at) - julianday(new.draft_created_at)) * 86400000.0) AS INTEGER) AS ms,
              date(new.first_submitted_at, '+7 hours') AS day
            UNION ALL
            SELECT 'submit-verdict' AS measure, CAST(round((julianday(new.first_decision_at) - julianday(new.first_submitted_at)) * 86400000.0) AS INTEGER) AS ms,
              date(new.first_submitted_at, '+7 hours') AS day)) m,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT new.guide_id AS guide UNION ALL SELECT '*') s
WHERE new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL AND m.ms IS NOT NULL AND (g.grain = 'a' OR m.day IS NOT NULL)
ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_dashboard_delete` AFTER DELETE ON `applications`

BEGIN
INSERT INTO dashboard_groups (grain, kecamatan, guide, period, dimension, key, submitted, first_pass,
  sent_back_or_rejected, s_submitted, s_received, s_verified, s_approved, s_needs_fix, s_rejected)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  d.dim, d.key, -1, -1 * (old.precheck_failures = 0),
  -1 * (old.sent_back_count > 0 OR old.status = 'rejected'), -1 * (old.status = 'submitted'),
  -1 * (old.status = 'received'), -1 * (old.status = 'verified'), -1 * (old.status = 'approved'),
  -1 * (old.status = 'needs-fix'), -1 * (old.status = 'rejected')
FROM (SELECT date(old.first_submitted_at, '+7 hours') AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT old.guide_id AS guide UNION ALL SELECT '*') s,
  (SELECT 'service' AS dim, old.guide_id AS key UNION ALL SELECT 'kelurahan', coalesce(old.village_code, '')
    UNION ALL SELECT 'cadre', old.cadre_id) d
WHERE old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL AND (g.grain = 'a' OR x.day IS NOT NULL)
ON CONFLICT DO UPDATE SET submitted = submitted + excluded.submitted, first_pass = first_pass + excluded.first_pass,
  sent_back_or_rejected = sent_back_or_rejected + excluded.sent_back_or_rejected,
  s_submitted = s_submitted + excluded.s_submitted, s_received = s_received + excluded.s_received,
  s_verified = s_verified + excluded.s_verified, s_approved = s_approved + excluded.s_approved,
  s_needs_fix = s_needs_fix + excluded.s_needs_fix, s_rejected = s_rejected + excluded.s_rejected;
INSERT INTO dashboard_durations (grain, kecamatan, guide, period, measure, minutes, n)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(m.day, 1, 7) ELSE m.day END,
  m.measure, (CASE WHEN m.ms < 0 THEN -1 ELSE 1 END) * ((abs(m.ms) + m.w / 2) / m.w) * (m.w / 60000), -1
FROM (SELECT measure, ms, day, CASE WHEN abs(ms) < 3600000 THEN 60000 WHEN abs(ms) < 10800000 THEN 300000
        WHEN abs(ms) < 43200000 THEN 900000 WHEN abs(ms) < 172800000 THEN 3600000
        WHEN abs(ms) < 1209600000 THEN 10800000 ELSE 86400000 END AS w
      FROM (SELECT 'draft-submit' AS measure, CAST(round((julianday(old.first_submitted_at) - julianday(old.draft_created_at)) * 86400000.0) AS INTEGER) AS ms,
              date(old.first_submitted_at, '+7 hours') AS day
            UNION ALL
            SELECT 'submit-verdict' AS measure, CAST(round((julianday(old.first_decision_at) - julianday(old.first_submitted_at)) * 86400000.0) AS INTEGER) AS ms,
              date(old.first_submitted_at, '+7 hours') AS day)) m,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT old.guide_id AS guide UNION ALL SELECT '*') s
WHERE old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL AND m.ms IS NOT NULL AND (g.grain = 'a' OR m.day IS NOT NULL)
ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- A verdict, a receipt or a refused pre-check changes figures on the same rows: one upsert each, with the difference.
CREATE TRIGGER `applications_dashboard_status_update` AFTER UPDATE OF `status`, `precheck_failures`, `sent_back_count` ON `applications`

WHEN (old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL) AND (new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL)
  AND old.kecamatan_code IS new.kecamatan_code AND old.guide_id IS new.guide_id AND old.village_code IS new.village_code AND old.cadre_id IS new.cadre_id AND old.first_submitted_at IS new.first_submitted_at AND old.deleted_at IS new.deleted_at
  AND (old.status IS NOT new.status OR old.precheck_failures IS NOT new.precheck_failures OR old.sent_back_count IS NOT new.sent_back_count)
BEGIN
INSERT INTO dashboard_groups (grain, kecamatan, guide, period, dimension, key, submitted, first_pass,
  sent_back_or_rejected, s_submitted, s_received, s_verified, s_approved, s_needs_fix, s_rejected)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  d.dim, d.key, 0, (new.precheck_failures = 0) - (old.precheck_failures = 0),
  (new.sent_back_count > 0 OR new.status = 'rejected') - (old.sent_back_count > 0 OR old.status = 'rejected'), (new.status = 'submitted') - (old.status = 'submitted'),
  (new.status = 'received') - (old.status = 'received'), (new.status = 'verified') - (old.status = 'verified'), (new.status = 'approved') - (old.status = 'approved'),
  (new.status = 'needs-fix') - (old.status = 'needs-fix'), (new.status = 'rejected') - (old.status = 'rejected')
FROM (SELECT date(new.first_submitted_at, '+7 hours') AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT new.guide_id AS guide UNION ALL SELECT '*') s,
  (SELECT 'service' AS dim, new.guide_id AS key UNION ALL SELECT 'kelurahan', coalesce(new.village_code, '')
    UNION ALL SELECT 'cadre', new.cadre_id) d
WHERE g.grain = 'a' OR x.day IS NOT NULL
ON CONFLICT DO UPDATE SET first_pass = first_pass + excluded.first_pass,
  sent_back_or_rejected = sent_back_or_rejected + excluded.sent_back_or_rejected,
  s_submitted = s_submitted + excluded.s_submitted, s_received = s_received + excluded.s_received,
  s_verified = s_verified + excluded.s_verified, s_approved = s_approved + excluded.s_approved,
  s_needs_fix = s_needs_fix + excluded.s_needs_fix, s_rejected = s_rejected + excluded.s_rejected;
END;
--> statement-breakpoint
-- Anything else (submitted, moved to another office or kelurahan, deleted): out of the old rows, into the new.
CREATE TRIGGER `applications_dashboard_counts_update` AFTER UPDATE OF `kecamatan_code`, `guide_id`, `village_code`, `cadre_id`, `first_submitted_at`, `deleted_at` ON `applications`

WHEN ((old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL) OR (new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL))
  AND (old.kecamatan_code IS NOT new.kecamatan_code OR old.guide_id IS NOT new.guide_id OR old.village_code IS NOT new.village_code OR old.cadre_id IS NOT new.cadre_id OR old.first_submitted_at IS NOT new.first_submitted_at OR old.deleted_at IS NOT new.deleted_at)
BEGIN
INSERT INTO dashboard_groups (grain, kecamatan, guide, period, dimension, key, submitted, first_pass,
  sent_back_or_rejected, s_submitted, s_received, s_verified, s_approved, s_needs_fix, s_rejected)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  d.dim, d.key, -1, -1 * (old.precheck_failures = 0),
  -1 * (old.sent_back_count > 0 OR old.status = 'rejected'), -1 * (old.status = 'submitted'),
  -1 * (old.status = 'received'), -1 * (old.status = 'verified'), -1 * (old.status = 'approved'),
  -1 * (old.status = 'needs-fix'), -1 * (old.status = 'rejected')
FROM (SELECT date(old.first_submitted_at, '+7 hours') AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT old.guide_id AS guide UNION ALL SELECT '*') s,
  (SELECT 'service' AS dim, old.guide_id AS key UNION ALL SELECT 'kelurahan', coalesce(old.village_code, '')
    UNION ALL SELECT 'cadre', old.cadre_id) d
WHERE old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL AND (g.grain = 'a' OR x.day IS NOT NULL)
ON CONFLICT DO UPDATE SET submitted = submitted + excluded.submitted, first_pass = first_pass + excluded.first_pass,
  sent_back_or_rejected = sent_back_or_rejected + excluded.sent_back_or_rejected,
  s_submitted = s_submitted + excluded.s_submitted, s_received = s_received + excluded.s_received,
  s_verified = s_verified + excluded.s_verified, s_approved = s_approved + excluded.s_approved,
  s_needs_fix = s_needs_fix + excluded.s_needs_fix, s_rejected = s_rejected + excluded.s_rejected;
INSERT INTO dashboard_groups (grain, kecamatan, guide, period, dimension, key, submitted, first_pass,
  sent_back_or_rejected, s_submitted, s_received, s_verified, s_approved, s_needs_fix, s_rejected)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  d.dim, d.key, 1, 1 * (new.precheck_failures = 0),
  1 * (new.sent_back_count > 0 OR new.status = 'rejected'), 1 * (new.status = 'submitted'),
  1 * (new.status = 'received'), 1 * (new.status = 'verified'), 1 * (new.status = 'approved'),
  1 * (new.status = 'needs-fix'), 1 * (new.status = 'rejected')
FROM (SELECT date(new.first_submitted_at, '+7 hours') AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT new.guide_id AS guide UNION ALL SELECT '*') s,
  (SELECT 'service' AS dim, new.guide_id AS key UNION ALL SELECT 'kelurahan', coalesce(new.village_code, '')
    UNION ALL SELECT 'cadre', new.cadre_id) d
WHERE new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL AND (g.grain = 'a' OR x.day IS NOT NULL)
ON CONFLICT DO UPDATE SET submitted = submitted + excluded.submitted, first_pass = first_pass + excluded.first_pass,
  sent_back_or_rejected = sent_back_or_rejected + excluded.sent_back_or_rejected,
  s_submitted = s_submitted + excluded.s_submitted, s_received = s_received + excluded.s_received,
  s_verified = s_verified + excluded.s_verified, s_approved = s_approved + excluded.s_approved,
  s_needs_fix = s_needs_fix + excluded.s_needs_fix, s_rejected = s_rejected + excluded.s_rejected;
END;
--> statement-breakpoint
-- The first verdict: only submit -> verdict changes.
CREATE TRIGGER `applications_dashboard_verdict_time_update` AFTER UPDATE OF `first_decision_at` ON `applications`

WHEN (old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL) AND (new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL)
  AND old.kecamatan_code IS new.kecamatan_code AND old.guide_id IS new.guide_id AND old.draft_created_at IS new.draft_created_at AND old.first_submitted_at IS new.first_submitted_at AND old.deleted_at IS new.deleted_at
  AND old.first_decision_at IS NOT new.first_decision_at
BEGIN
INSERT INTO dashboard_durations (grain, kecamatan, guide, period, measure, minutes, n)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(m.day, 1, 7) ELSE m.day END,
  m.measure, (CASE WHEN m.ms < 0 THEN -1 ELSE 1 END) * ((abs(m.ms) + m.w / 2) / m.w) * (m.w / 60000), -1
FROM (SELECT measure, ms, day, CASE WHEN abs(ms) < 3600000 THEN 60000 WHEN abs(ms) < 10800000 THEN 300000
        WHEN abs(ms) < 43200000 THEN 900000 WHEN abs(ms) < 172800000 THEN 3600000
        WHEN abs(ms) < 1209600000 THEN 10800000 ELSE 86400000 END AS w
      FROM (SELECT 'submit-verdict' AS measure, CAST(round((julianday(old.first_decision_at) - julianday(old.first_submitted_at)) * 86400000.0) AS INTEGER) AS ms,
              date(old.first_submitted_at, '+7 hours') AS day)) m,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT old.guide_id AS guide UNION ALL SELECT '*') s
WHERE old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL AND m.ms IS NOT NULL AND (g.grain = 'a' OR m.day IS NOT NULL)
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO dashboard_durations (grain, kecamatan, guide, period, measure, minutes, n)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(m.day, 1, 7) ELSE m.day END,
  m.measure, (CASE WHEN m.ms < 0 THEN -1 ELSE 1 END) * ((abs(m.ms) + m.w / 2) / m.w) * (m.w / 60000), 1
FROM (SELECT measure, ms, day, CASE WHEN abs(ms) < 3600000 THEN 60000 WHEN abs(ms) < 10800000 THEN 300000
        WHEN abs(ms) < 43200000 THEN 900000 WHEN abs(ms) < 172800000 THEN 3600000
        WHEN abs(ms) < 1209600000 THEN 10800000 ELSE 86400000 END AS w
      FROM (SELECT 'submit-verdict' AS measure, CAST(round((julianday(new.first_decision_at) - julianday(new.first_submitted_at)) * 86400000.0) AS INTEGER) AS ms,
              date(new.first_submitted_at, '+7 hours') AS day)) m,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT new.guide_id AS guide UNION ALL SELECT '*') s
WHERE new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL AND m.ms IS NOT NULL AND (g.grain = 'a' OR m.day IS NOT NULL)
ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_dashboard_durations_update` AFTER UPDATE OF `kecamatan_code`, `guide_id`, `draft_created_at`, `first_submitted_at`, `deleted_at` ON `applications`

WHEN ((old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL) OR (new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL))
  AND (old.kecamatan_code IS NOT new.kecamatan_code OR old.guide_id IS NOT new.guide_id OR old.draft_created_at IS NOT new.draft_created_at OR old.first_submitted_at IS NOT new.first_submitted_at OR old.deleted_at IS NOT new.deleted_at)
BEGIN
INSERT INTO dashboard_durations (grain, kecamatan, guide, period, measure, minutes, n)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(m.day, 1, 7) ELSE m.day END,
  m.measure, (CASE WHEN m.ms < 0 THEN -1 ELSE 1 END) * ((abs(m.ms) + m.w / 2) / m.w) * (m.w / 60000), -1
FROM (SELECT measure, ms, day, CASE WHEN abs(ms) < 3600000 THEN 60000 WHEN abs(ms) < 10800000 THEN 300000
        WHEN abs(ms) < 43200000 THEN 900000 WHEN abs(ms) < 172800000 THEN 3600000
        WHEN abs(ms) < 1209600000 THEN 10800000 ELSE 86400000 END AS w
      FROM (SELECT 'draft-submit' AS measure, CAST(round((julianday(old.first_submitted_at) - julianday(old.draft_created_at)) * 86400000.0) AS INTEGER) AS ms,
              date(old.first_submitted_at, '+7 hours') AS day
            UNION ALL
            SELECT 'submit-verdict' AS measure, CAST(round((julianday(old.first_decision_at) - julianday(old.first_submitted_at)) * 86400000.0) AS INTEGER) AS ms,
              date(old.first_submitted_at, '+7 hours') AS day)) m,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT old.guide_id AS guide UNION ALL SELECT '*') s
WHERE old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL AND m.ms IS NOT NULL AND (g.grain = 'a' OR m.day IS NOT NULL)
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO dashboard_durations (grain, kecamatan, guide, period, measure, minutes, n)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(m.day, 1, 7) ELSE m.day END,
  m.measure, (CASE WHEN m.ms < 0 THEN -1 ELSE 1 END) * ((abs(m.ms) + m.w / 2) / m.w) * (m.w / 60000), 1
FROM (SELECT measure, ms, day, CASE WHEN abs(ms) < 3600000 THEN 60000 WHEN abs(ms) < 10800000 THEN 300000
        WHEN abs(ms) < 43200000 THEN 900000 WHEN abs(ms) < 172800000 THEN 3600000
        WHEN abs(ms) < 1209600000 THEN 10800000 ELSE 86400000 END AS w
      FROM (SELECT 'draft-submit' AS measure, CAST(round((julianday(new.first_submitted_at) - julianday(new.draft_created_at)) * 86400000.0) AS INTEGER) AS ms,
              date(new.first_submitted_at, '+7 hours') AS day
            UNION ALL
            SELECT 'submit-verdict' AS measure, CAST(round((julianday(new.first_decision_at) - julianday(new.first_submitted_at)) * 86400000.0) AS INTEGER) AS ms,
              date(new.first_submitted_at, '+7 hours') AS day)) m,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT new.guide_id AS guide UNION ALL SELECT '*') s
WHERE new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL AND m.ms IS NOT NULL AND (g.grain = 'a' OR m.day IS NOT NULL)
ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `review_findings_dashboard_insert` AFTER INSERT ON `review_findings`

BEGIN
INSERT INTO dashboard_reasons (grain, kecamatan, guide, period, decision, reason, requirement, n)
SELECT g.grain, k.kec, new.guide_id,
  CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  new.decision, new.reason_code, coalesce(new.requirement_id, ''), 1
FROM (SELECT (SELECT date(a.first_submitted_at, '+7 hours') FROM applications a WHERE a.id = new.application_id) AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k
WHERE g.grain = 'a' OR x.day IS NOT NULL
ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `review_findings_dashboard_delete` AFTER DELETE ON `review_findings`

BEGIN
INSERT INTO dashboard_reasons (grain, kecamatan, guide, period, decision, reason, requirement, n)
SELECT g.grain, k.kec, old.guide_id,
  CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  old.decision, old.reason_code, coalesce(old.requirement_id, ''), -1
FROM (SELECT (SELECT date(a.first_submitted_at, '+7 hours') FROM applications a WHERE a.id = old.application_id) AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k
WHERE g.grain = 'a' OR x.day IS NOT NULL
ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- Existing files and findings, once, grouped (the same figures the triggers would have written).
INSERT INTO dashboard_groups (grain, kecamatan, guide, period, dimension, key, submitted, first_pass,
  sent_back_or_rejected, s_submitted, s_received, s_verified, s_approved, s_needs_fix, s_rejected)
SELECT g.grain, CASE k.i WHEN 0 THEN coalesce(a.kecamatan_code, '') ELSE '*' END, CASE s.i WHEN 0 THEN a.guide_id ELSE '*' END, CASE g.i WHEN 0 THEN '' WHEN 1 THEN substr(a.day, 1, 7) ELSE a.day END,
  CASE d.i WHEN 0 THEN 'service' WHEN 1 THEN 'kelurahan' ELSE 'cadre' END,
  CASE d.i WHEN 0 THEN a.guide_id WHEN 1 THEN coalesce(a.village_code, '') ELSE a.cadre_id END,
  count(*), sum(a.precheck_failures = 0), sum(a.sent_back_count > 0 OR a.status = 'rejected'),
  sum(a.status = 'submitted'), sum(a.status = 'received'), sum(a.status = 'verified'), sum(a.status = 'approved'),
  sum(a.status = 'needs-fix'), sum(a.status = 'rejected')
FROM (SELECT *, date(first_submitted_at, '+7 hours') AS day FROM applications WHERE first_submitted_at IS NOT NULL AND deleted_at IS NULL) a, (SELECT 0 AS i, 'a' AS grain UNION ALL SELECT 1, 'm' UNION ALL SELECT 2, 'd') g, (SELECT 0 AS i UNION ALL SELECT 1) k, (SELECT 0 AS i UNION ALL SELECT 1) s, (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2) d
WHERE g.i = 0 OR a.day IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO dashboard_durations (grain, kecamatan, guide, period, measure, minutes, n)
SELECT g.grain, CASE k.i WHEN 0 THEN coalesce(a.kecamatan_code, '') ELSE '*' END, CASE s.i WHEN 0 THEN a.guide_id ELSE '*' END, CASE g.i WHEN 0 THEN '' WHEN 1 THEN substr(a.day, 1, 7) ELSE a.day END, a.measure,
  (CASE WHEN a.ms < 0 THEN -1 ELSE 1 END) * ((abs(a.ms) + a.w / 2) / a.w) * (a.w / 60000), count(*)
FROM (SELECT *, CASE WHEN abs(ms) < 3600000 THEN 60000 WHEN abs(ms) < 10800000 THEN 300000
        WHEN abs(ms) < 43200000 THEN 900000 WHEN abs(ms) < 172800000 THEN 3600000
        WHEN abs(ms) < 1209600000 THEN 10800000 ELSE 86400000 END AS w
      FROM (SELECT a.kecamatan_code, a.guide_id, a.day, 'draft-submit' AS measure,
              CAST(round((julianday(a.first_submitted_at) - julianday(a.draft_created_at)) * 86400000.0) AS INTEGER) AS ms FROM (SELECT *, date(first_submitted_at, '+7 hours') AS day FROM applications WHERE first_submitted_at IS NOT NULL AND deleted_at IS NULL) a
            UNION ALL
            SELECT a.kecamatan_code, a.guide_id, a.day, 'submit-verdict',
              CAST(round((julianday(a.first_decision_at) - julianday(a.first_submitted_at)) * 86400000.0) AS INTEGER) FROM (SELECT *, date(first_submitted_at, '+7 hours') AS day FROM applications WHERE first_submitted_at IS NOT NULL AND deleted_at IS NULL) a)
      WHERE ms IS NOT NULL) a,
  (SELECT 0 AS i, 'a' AS grain UNION ALL SELECT 1, 'm' UNION ALL SELECT 2, 'd') g, (SELECT 0 AS i UNION ALL SELECT 1) k, (SELECT 0 AS i UNION ALL SELECT 1) s
WHERE g.i = 0 OR a.day IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO dashboard_reasons (grain, kecamatan, guide, period, decision, reason, requirement, n)
SELECT g.grain, CASE k.i WHEN 0 THEN coalesce(a.kecamatan_code, '') ELSE '*' END, a.guide_id, CASE g.i WHEN 0 THEN '' WHEN 1 THEN substr(a.day, 1, 7) ELSE a.day END, a.decision, a.reason_code, coalesce(a.requirement_id, ''), count(*)
FROM (SELECT f.*, date(p.first_submitted_at, '+7 hours') AS day
      FROM review_findings f LEFT JOIN applications p ON p.id = f.application_id) a,
  (SELECT 0 AS i, 'a' AS grain UNION ALL SELECT 1, 'm' UNION ALL SELECT 2, 'd') g, (SELECT 0 AS i UNION ALL SELECT 1) k
WHERE g.i = 0 OR a.day IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;
