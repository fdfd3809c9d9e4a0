-- The dashboard's rollups, as SQLite's migrations 0009 (dashboard_groups, _durations, _reasons) and 0011
-- (dashboard_clock) keep them: the same tables and the same triggers, kept up to date in the same
-- transaction as every change to an application or a finding (server/dashboard/rollups.ts and clock.ts
-- read them; the meaning of every key and figure is documented in those SQLite migrations). Hand-written
-- (drizzle-kit writes neither triggers nor tables it does not declare), translated from SQLite's:
-- date(t, '+7 hours') is masdarin_jakarta_day(t), julianday differences are masdarin_ms_between, a
-- comparison counted as 0/1 is cast ::int, IS / IS NOT between values are IS NOT DISTINCT FROM / IS
-- DISTINCT FROM, JSON paths are jsonb ->> keys, and ON CONFLICT names the primary key. A PostgreSQL
-- database starts empty, so unlike 0009 and 0011 there is nothing to backfill.
CREATE TABLE "dashboard_groups" (
	"grain" text NOT NULL,
	"kecamatan" text NOT NULL,
	"guide" text NOT NULL,
	"period" text NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"submitted" integer NOT NULL,
	"first_pass" integer NOT NULL,
	"sent_back_or_rejected" integer NOT NULL,
	"s_submitted" integer NOT NULL,
	"s_received" integer NOT NULL,
	"s_verified" integer NOT NULL,
	"s_approved" integer NOT NULL,
	"s_needs_fix" integer NOT NULL,
	"s_rejected" integer NOT NULL,
	PRIMARY KEY ("grain", "kecamatan", "guide", "period", "dimension", "key")
);
--> statement-breakpoint
CREATE TABLE "dashboard_durations" (
	"grain" text NOT NULL,
	"kecamatan" text NOT NULL,
	"guide" text NOT NULL,
	"period" text NOT NULL,
	"measure" text NOT NULL,
	"minutes" integer NOT NULL,
	"n" integer NOT NULL,
	PRIMARY KEY ("grain", "kecamatan", "guide", "period", "measure", "minutes")
);
--> statement-breakpoint
CREATE TABLE "dashboard_reasons" (
	"grain" text NOT NULL,
	"kecamatan" text NOT NULL,
	"guide" text NOT NULL,
	"period" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"requirement" text NOT NULL,
	"n" integer NOT NULL,
	PRIMARY KEY ("grain", "kecamatan", "period", "guide", "decision", "reason", "requirement")
);
--> statement-breakpoint
CREATE INDEX "dashboard_reasons_guide_idx" ON "dashboard_reasons" ("grain", "kecamatan", "guide", "period");
--> statement-breakpoint
CREATE TABLE "dashboard_clock" (
	"grain" text NOT NULL,
	"kecamatan" text NOT NULL,
	"period" text NOT NULL,
	"guide" text NOT NULL,
	"unit" text NOT NULL,
	"used" integer NOT NULL,
	"files" integer NOT NULL,
	"on_time" integer NOT NULL,
	PRIMARY KEY ("grain", "kecamatan", "period", "guide", "unit", "used")
);
--> statement-breakpoint
-- SQLite's date(t, '+7 hours'): the Jakarta day of an ISO time (UTC when it names no zone), NULL when t is
-- NULL or not a time (SQLite's date() does not fail either, so neither may a trigger here).
CREATE FUNCTION masdarin_jakarta_day(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE SET timezone TO 'UTC' AS $$
BEGIN
RETURN to_char(t::timestamptz + interval '7 hours', 'YYYY-MM-DD');
EXCEPTION WHEN others THEN
RETURN NULL;
END $$;
--> statement-breakpoint
-- SQLite's CAST(round((julianday(later) - julianday(earlier)) * 86400000.0) AS INTEGER): milliseconds between.
CREATE FUNCTION masdarin_ms_between(later text, earlier text) RETURNS bigint LANGUAGE plpgsql IMMUTABLE SET timezone TO 'UTC' AS $$
BEGIN
RETURN round(extract(epoch FROM (later::timestamptz - earlier::timestamptz)) * 1000)::bigint;
EXCEPTION WHEN others THEN
RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION masdarin_applications_dashboard_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
INSERT INTO dashboard_groups (grain, kecamatan, guide, period, dimension, key, submitted, first_pass,
  sent_back_or_rejected, s_submitted, s_received, s_verified, s_approved, s_needs_fix, s_rejected)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  d.dim, d.key, 1, 1 * (new.precheck_failures = 0)::int,
  1 * (new.sent_back_count > 0 OR new.status = 'rejected')::int, 1 * (new.status = 'submitted')::int,
  1 * (new.status = 'received')::int, 1 * (new.status = 'verified')::int, 1 * (new.status = 'approved')::int,
  1 * (new.status = 'needs-fix')::int, 1 * (new.status = 'rejected')::int
FROM (SELECT masdarin_jakarta_day(new.first_submitted_at) AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT new.guide_id AS guide UNION ALL SELECT '*') s,
  (SELECT 'service' AS dim, new.guide_id AS key UNION ALL SELECT 'kelurahan', coalesce(new.village_code, '')
    UNION ALL SELECT 'cadre', new.cadre_id) d
WHERE new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL AND (g.grain = 'a' OR x.day IS NOT NULL)
ON CONFLICT (grain, kecamatan, guide, period, dimension, key) DO UPDATE SET submitted = dashboard_groups.submitted + excluded.submitted, first_pass = dashboard_groups.first_pass + excluded.first_pass,
  sent_back_or_rejected = dashboard_groups.sent_back_or_rejected + excluded.sent_back_or_rejected,
  s_submitted = dashboard_groups.s_submitted + excluded.s_submitted, s_received = dashboard_groups.s_received + excluded.s_received,
  s_verified = dashboard_groups.s_verified + excluded.s_verified, s_approved = dashboard_groups.s_approved + excluded.s_approved,
  s_needs_fix = dashboard_groups.s_needs_fix + excluded.s_needs_fix, s_rejected = dashboard_groups.s_rejected + excluded.s_rejected;
INSERT INTO dashboard_durations (grain, kecamatan, guide, period, measure, minutes, n)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(m.day, 1, 7) ELSE m.day END,
  m.measure, (CASE WHEN m.ms < 0 THEN -1 ELSE 1 END) * ((abs(m.ms) + m.w / 2) / m.w) * (m.w / 60000), 1
FROM (SELECT measure, ms, day, CASE WHEN abs(ms) < 3600000 THEN 60000 WHEN abs(ms) < 10800000 THEN 300000
        WHEN abs(ms) < 43200000 THEN 900000 WHEN abs(ms) < 172800000 THEN 3600000
        WHEN abs(ms) < 1209600000 THEN 10800000 ELSE 86400000 END AS w
      FROM (SELECT 'draft-submit' AS measure, masdarin_ms_between(new.first_submitted_at, new.draft_created_at) AS ms,
              masdarin_jakarta_day(new.first_submitted_at) AS day
            UNION ALL
            SELECT 'submit-verdict' AS measure, masdarin_ms_between(new.first_decision_at, new.first_submitted_at) AS ms,
              masdarin_jakarta_day(new.first_submitted_at) AS day) span) m,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT new.guide_id AS guide UNION ALL SELECT '*') s
WHERE new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL AND m.ms IS NOT NULL AND (g.grain = 'a' OR m.day IS NOT NULL)
ON CONFLICT (grain, kecamatan, guide, period, measure, minutes) DO UPDATE SET n = dashboard_durations.n + excluded.n;
RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_dashboard_insert AFTER INSERT ON applications
FOR EACH ROW
EXECUTE FUNCTION masdarin_applications_dashboard_insert();
--> statement-breakpoint
CREATE FUNCTION masdarin_applications_dashboard_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
INSERT INTO dashboard_groups (grain, kecamatan, guide, period, dimension, key, submitted, first_pass,
  sent_back_or_rejected, s_submitted, s_received, s_verified, s_approved, s_needs_fix, s_rejected)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  d.dim, d.key, -1, -1 * (old.precheck_failures = 0)::int,
  -1 * (old.sent_back_count > 0 OR old.status = 'rejected')::int, -1 * (old.status = 'submitted')::int,
  -1 * (old.status = 'received')::int, -1 * (old.status = 'verified')::int, -1 * (old.status = 'approved')::int,
  -1 * (old.status = 'needs-fix')::int, -1 * (old.status = 'rejected')::int
FROM (SELECT masdarin_jakarta_day(old.first_submitted_at) AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT old.guide_id AS guide UNION ALL SELECT '*') s,
  (SELECT 'service' AS dim, old.guide_id AS key UNION ALL SELECT 'kelurahan', coalesce(old.village_code, '')
    UNION ALL SELECT 'cadre', old.cadre_id) d
WHERE old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL AND (g.grain = 'a' OR x.day IS NOT NULL)
ON CONFLICT (grain, kecamatan, guide, period, dimension, key) DO UPDATE SET submitted = dashboard_groups.submitted + excluded.submitted, first_pass = dashboard_groups.first_pass + excluded.first_pass,
  sent_back_or_rejected = dashboard_groups.sent_back_or_rejected + excluded.sent_back_or_rejected,
  s_submitted = dashboard_groups.s_submitted + excluded.s_submitted, s_received = dashboard_groups.s_received + excluded.s_received,
  s_verified = dashboard_groups.s_verified + excluded.s_verified, s_approved = dashboard_groups.s_approved + excluded.s_approved,
  s_needs_fix = dashboard_groups.s_needs_fix + excluded.s_needs_fix, s_rejected = dashboard_groups.s_rejected + excluded.s_rejected;
INSERT INTO dashboard_durations (grain, kecamatan, guide, period, measure, minutes, n)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(m.day, 1, 7) ELSE m.day END,
  m.measure, (CASE WHEN m.ms < 0 THEN -1 ELSE 1 END) * ((abs(m.ms) + m.w / 2) / m.w) * (m.w / 60000), -1
FROM (SELECT measure, ms, day, CASE WHEN abs(ms) < 3600000 THEN 60000 WHEN abs(ms) < 10800000 THEN 300000
        WHEN abs(ms) < 43200000 THEN 900000 WHEN abs(ms) < 172800000 THEN 3600000
        WHEN abs(ms) < 1209600000 THEN 10800000 ELSE 86400000 END AS w
      FROM (SELECT 'draft-submit' AS measure, masdarin_ms_between(old.first_submitted_at, old.draft_created_at) AS ms,
              masdarin_jakarta_day(old.first_submitted_at) AS day
            UNION ALL
            SELECT 'submit-verdict' AS measure, masdarin_ms_between(old.first_decision_at, old.first_submitted_at) AS ms,
              masdarin_jakarta_day(old.first_submitted_at) AS day) span) m,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT old.guide_id AS guide UNION ALL SELECT '*') s
WHERE old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL AND m.ms IS NOT NULL AND (g.grain = 'a' OR m.day IS NOT NULL)
ON CONFLICT (grain, kecamatan, guide, period, measure, minutes) DO UPDATE SET n = dashboard_durations.n + excluded.n;
RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_dashboard_delete AFTER DELETE ON applications
FOR EACH ROW
EXECUTE FUNCTION masdarin_applications_dashboard_delete();
--> statement-breakpoint
-- A verdict, a receipt or a refused pre-check changes figures on the same rows: one upsert each, with the difference.
CREATE FUNCTION masdarin_applications_dashboard_status_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
INSERT INTO dashboard_groups (grain, kecamatan, guide, period, dimension, key, submitted, first_pass,
  sent_back_or_rejected, s_submitted, s_received, s_verified, s_approved, s_needs_fix, s_rejected)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  d.dim, d.key, 0, (new.precheck_failures = 0)::int - (old.precheck_failures = 0)::int,
  (new.sent_back_count > 0 OR new.status = 'rejected')::int - (old.sent_back_count > 0 OR old.status = 'rejected')::int, (new.status = 'submitted')::int - (old.status = 'submitted')::int,
  (new.status = 'received')::int - (old.status = 'received')::int, (new.status = 'verified')::int - (old.status = 'verified')::int, (new.status = 'approved')::int - (old.status = 'approved')::int,
  (new.status = 'needs-fix')::int - (old.status = 'needs-fix')::int, (new.status = 'rejected')::int - (old.status = 'rejected')::int
FROM (SELECT masdarin_jakarta_day(new.first_submitted_at) AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT new.guide_id AS guide UNION ALL SELECT '*') s,
  (SELECT 'service' AS dim, new.guide_id AS key UNION ALL SELECT 'kelurahan', coalesce(new.village_code, '')
    UNION ALL SELECT 'cadre', new.cadre_id) d
WHERE g.grain = 'a' OR x.day IS NOT NULL
ON CONFLICT (grain, kecamatan, guide, period, dimension, key) DO UPDATE SET first_pass = dashboard_groups.first_pass + excluded.first_pass,
  sent_back_or_rejected = dashboard_groups.sent_back_or_rejected + excluded.sent_back_or_rejected,
  s_submitted = dashboard_groups.s_submitted + excluded.s_submitted, s_received = dashboard_groups.s_received + excluded.s_received,
  s_verified = dashboard_groups.s_verified + excluded.s_verified, s_approved = dashboard_groups.s_approved + excluded.s_approved,
  s_needs_fix = dashboard_groups.s_needs_fix + excluded.s_needs_fix, s_rejected = dashboard_groups.s_rejected + excluded.s_rejected;
RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_dashboard_status_update AFTER UPDATE OF status, precheck_failures, sent_back_count ON applications
FOR EACH ROW
WHEN ((old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL) AND (new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL)
  AND old.kecamatan_code IS NOT DISTINCT FROM new.kecamatan_code AND old.guide_id IS NOT DISTINCT FROM new.guide_id AND old.village_code IS NOT DISTINCT FROM new.village_code AND old.cadre_id IS NOT DISTINCT FROM new.cadre_id AND old.first_submitted_at IS NOT DISTINCT FROM new.first_submitted_at AND old.deleted_at IS NOT DISTINCT FROM new.deleted_at
  AND (old.status IS DISTINCT FROM new.status OR old.precheck_failures IS DISTINCT FROM new.precheck_failures OR old.sent_back_count IS DISTINCT FROM new.sent_back_count))
EXECUTE FUNCTION masdarin_applications_dashboard_status_update();
--> statement-breakpoint
-- Anything else (submitted, moved to another office or kelurahan, deleted): out of the old rows, into the new.
CREATE FUNCTION masdarin_applications_dashboard_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
INSERT INTO dashboard_groups (grain, kecamatan, guide, period, dimension, key, submitted, first_pass,
  sent_back_or_rejected, s_submitted, s_received, s_verified, s_approved, s_needs_fix, s_rejected)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  d.dim, d.key, -1, -1 * (old.precheck_failures = 0)::int,
  -1 * (old.sent_back_count > 0 OR old.status = 'rejected')::int, -1 * (old.status = 'submitted')::int,
  -1 * (old.status = 'received')::int, -1 * (old.status = 'verified')::int, -1 * (old.status = 'approved')::int,
  -1 * (old.status = 'needs-fix')::int, -1 * (old.status = 'rejected')::int
FROM (SELECT masdarin_jakarta_day(old.first_submitted_at) AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT old.guide_id AS guide UNION ALL SELECT '*') s,
  (SELECT 'service' AS dim, old.guide_id AS key UNION ALL SELECT 'kelurahan', coalesce(old.village_code, '')
    UNION ALL SELECT 'cadre', old.cadre_id) d
WHERE old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL AND (g.grain = 'a' OR x.day IS NOT NULL)
ON CONFLICT (grain, kecamatan, guide, period, dimension, key) DO UPDATE SET submitted = dashboard_groups.submitted + excluded.submitted, first_pass = dashboard_groups.first_pass + excluded.first_pass,
  sent_back_or_rejected = dashboard_groups.sent_back_or_rejected + excluded.sent_back_or_rejected,
  s_submitted = dashboard_groups.s_submitted + excluded.s_submitted, s_received = dashboard_groups.s_received + excluded.s_received,
  s_verified = dashboard_groups.s_verified + excluded.s_verified, s_approved = dashboard_groups.s_approved + excluded.s_approved,
  s_needs_fix = dashboard_groups.s_needs_fix + excluded.s_needs_fix, s_rejected = dashboard_groups.s_rejected + excluded.s_rejected;
INSERT INTO dashboard_groups (grain, kecamatan, guide, period, dimension, key, submitted, first_pass,
  sent_back_or_rejected, s_submitted, s_received, s_verified, s_approved, s_needs_fix, s_rejected)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  d.dim, d.key, 1, 1 * (new.precheck_failures = 0)::int,
  1 * (new.sent_back_count > 0 OR new.status = 'rejected')::int, 1 * (new.status = 'submitted')::int,
  1 * (new.status = 'received')::int, 1 * (new.status = 'verified')::int, 1 * (new.status = 'approved')::int,
  1 * (new.status = 'needs-fix')::int, 1 * (new.status = 'rejected')::int
FROM (SELECT masdarin_jakarta_day(new.first_submitted_at) AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT new.guide_id AS guide UNION ALL SELECT '*') s,
  (SELECT 'service' AS dim, new.guide_id AS key UNION ALL SELECT 'kelurahan', coalesce(new.village_code, '')
    UNION ALL SELECT 'cadre', new.cadre_id) d
WHERE new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL AND (g.grain = 'a' OR x.day IS NOT NULL)
ON CONFLICT (grain, kecamatan, guide, period, dimension, key) DO UPDATE SET submitted = dashboard_groups.submitted + excluded.submitted, first_pass = dashboard_groups.first_pass + excluded.first_pass,
  sent_back_or_rejected = dashboard_groups.sent_back_or_rejected + excluded.sent_back_or_rejected,
  s_submitted = dashboard_groups.s_submitted + excluded.s_submitted, s_received = dashboard_groups.s_received + excluded.s_received,
  s_verified = dashboard_groups.s_verified + excluded.s_verified, s_approved = dashboard_groups.s_approved + excluded.s_approved,
  s_needs_fix = dashboard_groups.s_needs_fix + excluded.s_needs_fix, s_rejected = dashboard_groups.s_rejected + excluded.s_rejected;
RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_dashboard_counts_update AFTER UPDATE OF kecamatan_code, guide_id, village_code, cadre_id, first_submitted_at, deleted_at ON applications
FOR EACH ROW
WHEN (((old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL) OR (new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL))
  AND (old.kecamatan_code IS DISTINCT FROM new.kecamatan_code OR old.guide_id IS DISTINCT FROM new.guide_id OR old.village_code IS DISTINCT FROM new.village_code OR old.cadre_id IS DISTINCT FROM new.cadre_id OR old.first_submitted_at IS DISTINCT FROM new.first_submitted_at OR old.deleted_at IS DISTINCT FROM new.deleted_at))
EXECUTE FUNCTION masdarin_applications_dashboard_counts_update();
--> statement-breakpoint
-- The first verdict: only submit -> verdict changes.
CREATE FUNCTION masdarin_applications_dashboard_verdict_time_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
INSERT INTO dashboard_durations (grain, kecamatan, guide, period, measure, minutes, n)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(m.day, 1, 7) ELSE m.day END,
  m.measure, (CASE WHEN m.ms < 0 THEN -1 ELSE 1 END) * ((abs(m.ms) + m.w / 2) / m.w) * (m.w / 60000), -1
FROM (SELECT measure, ms, day, CASE WHEN abs(ms) < 3600000 THEN 60000 WHEN abs(ms) < 10800000 THEN 300000
        WHEN abs(ms) < 43200000 THEN 900000 WHEN abs(ms) < 172800000 THEN 3600000
        WHEN abs(ms) < 1209600000 THEN 10800000 ELSE 86400000 END AS w
      FROM (SELECT 'submit-verdict' AS measure, masdarin_ms_between(old.first_decision_at, old.first_submitted_at) AS ms,
              masdarin_jakarta_day(old.first_submitted_at) AS day) span) m,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT old.guide_id AS guide UNION ALL SELECT '*') s
WHERE old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL AND m.ms IS NOT NULL AND (g.grain = 'a' OR m.day IS NOT NULL)
ON CONFLICT (grain, kecamatan, guide, period, measure, minutes) DO UPDATE SET n = dashboard_durations.n + excluded.n;
INSERT INTO dashboard_durations (grain, kecamatan, guide, period, measure, minutes, n)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(m.day, 1, 7) ELSE m.day END,
  m.measure, (CASE WHEN m.ms < 0 THEN -1 ELSE 1 END) * ((abs(m.ms) + m.w / 2) / m.w) * (m.w / 60000), 1
FROM (SELECT measure, ms, day, CASE WHEN abs(ms) < 3600000 THEN 60000 WHEN abs(ms) < 10800000 THEN 300000
        WHEN abs(ms) < 43200000 THEN 900000 WHEN abs(ms) < 172800000 THEN 3600000
        WHEN abs(ms) < 1209600000 THEN 10800000 ELSE 86400000 END AS w
      FROM (SELECT 'submit-verdict' AS measure, masdarin_ms_between(new.first_decision_at, new.first_submitted_at) AS ms,
              masdarin_jakarta_day(new.first_submitted_at) AS day) span) m,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT new.guide_id AS guide UNION ALL SELECT '*') s
WHERE new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL AND m.ms IS NOT NULL AND (g.grain = 'a' OR m.day IS NOT NULL)
ON CONFLICT (grain, kecamatan, guide, period, measure, minutes) DO UPDATE SET n = dashboard_durations.n + excluded.n;
RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_dashboard_verdict_time_update AFTER UPDATE OF first_decision_at ON applications
FOR EACH ROW
WHEN ((old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL) AND (new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL)
  AND old.kecamatan_code IS NOT DISTINCT FROM new.kecamatan_code AND old.guide_id IS NOT DISTINCT FROM new.guide_id AND old.draft_created_at IS NOT DISTINCT FROM new.draft_created_at AND old.first_submitted_at IS NOT DISTINCT FROM new.first_submitted_at AND old.deleted_at IS NOT DISTINCT FROM new.deleted_at
  AND old.first_decision_at IS DISTINCT FROM new.first_decision_at)
EXECUTE FUNCTION masdarin_applications_dashboard_verdict_time_update();
--> statement-breakpoint
CREATE FUNCTION masdarin_applications_dashboard_durations_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
INSERT INTO dashboard_durations (grain, kecamatan, guide, period, measure, minutes, n)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(m.day, 1, 7) ELSE m.day END,
  m.measure, (CASE WHEN m.ms < 0 THEN -1 ELSE 1 END) * ((abs(m.ms) + m.w / 2) / m.w) * (m.w / 60000), -1
FROM (SELECT measure, ms, day, CASE WHEN abs(ms) < 3600000 THEN 60000 WHEN abs(ms) < 10800000 THEN 300000
        WHEN abs(ms) < 43200000 THEN 900000 WHEN abs(ms) < 172800000 THEN 3600000
        WHEN abs(ms) < 1209600000 THEN 10800000 ELSE 86400000 END AS w
      FROM (SELECT 'draft-submit' AS measure, masdarin_ms_between(old.first_submitted_at, old.draft_created_at) AS ms,
              masdarin_jakarta_day(old.first_submitted_at) AS day
            UNION ALL
            SELECT 'submit-verdict' AS measure, masdarin_ms_between(old.first_decision_at, old.first_submitted_at) AS ms,
              masdarin_jakarta_day(old.first_submitted_at) AS day) span) m,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT old.guide_id AS guide UNION ALL SELECT '*') s
WHERE old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL AND m.ms IS NOT NULL AND (g.grain = 'a' OR m.day IS NOT NULL)
ON CONFLICT (grain, kecamatan, guide, period, measure, minutes) DO UPDATE SET n = dashboard_durations.n + excluded.n;
INSERT INTO dashboard_durations (grain, kecamatan, guide, period, measure, minutes, n)
SELECT g.grain, k.kec, s.guide, CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(m.day, 1, 7) ELSE m.day END,
  m.measure, (CASE WHEN m.ms < 0 THEN -1 ELSE 1 END) * ((abs(m.ms) + m.w / 2) / m.w) * (m.w / 60000), 1
FROM (SELECT measure, ms, day, CASE WHEN abs(ms) < 3600000 THEN 60000 WHEN abs(ms) < 10800000 THEN 300000
        WHEN abs(ms) < 43200000 THEN 900000 WHEN abs(ms) < 172800000 THEN 3600000
        WHEN abs(ms) < 1209600000 THEN 10800000 ELSE 86400000 END AS w
      FROM (SELECT 'draft-submit' AS measure, masdarin_ms_between(new.first_submitted_at, new.draft_created_at) AS ms,
              masdarin_jakarta_day(new.first_submitted_at) AS day
            UNION ALL
            SELECT 'submit-verdict' AS measure, masdarin_ms_between(new.first_decision_at, new.first_submitted_at) AS ms,
              masdarin_jakarta_day(new.first_submitted_at) AS day) span) m,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k,
  (SELECT new.guide_id AS guide UNION ALL SELECT '*') s
WHERE new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL AND m.ms IS NOT NULL AND (g.grain = 'a' OR m.day IS NOT NULL)
ON CONFLICT (grain, kecamatan, guide, period, measure, minutes) DO UPDATE SET n = dashboard_durations.n + excluded.n;
RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_dashboard_durations_update AFTER UPDATE OF kecamatan_code, guide_id, draft_created_at, first_submitted_at, deleted_at ON applications
FOR EACH ROW
WHEN (((old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL) OR (new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL))
  AND (old.kecamatan_code IS DISTINCT FROM new.kecamatan_code OR old.guide_id IS DISTINCT FROM new.guide_id OR old.draft_created_at IS DISTINCT FROM new.draft_created_at OR old.first_submitted_at IS DISTINCT FROM new.first_submitted_at OR old.deleted_at IS DISTINCT FROM new.deleted_at))
EXECUTE FUNCTION masdarin_applications_dashboard_durations_update();
--> statement-breakpoint
CREATE FUNCTION masdarin_review_findings_dashboard_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
INSERT INTO dashboard_reasons (grain, kecamatan, guide, period, decision, reason, requirement, n)
SELECT g.grain, k.kec, new.guide_id,
  CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  new.decision, new.reason_code, coalesce(new.requirement_id, ''), 1
FROM (SELECT (SELECT masdarin_jakarta_day(a.first_submitted_at) FROM applications a WHERE a.id = new.application_id) AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k
WHERE g.grain = 'a' OR x.day IS NOT NULL
ON CONFLICT (grain, kecamatan, period, guide, decision, reason, requirement) DO UPDATE SET n = dashboard_reasons.n + excluded.n;
RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER review_findings_dashboard_insert AFTER INSERT ON review_findings
FOR EACH ROW
EXECUTE FUNCTION masdarin_review_findings_dashboard_insert();
--> statement-breakpoint
CREATE FUNCTION masdarin_review_findings_dashboard_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
INSERT INTO dashboard_reasons (grain, kecamatan, guide, period, decision, reason, requirement, n)
SELECT g.grain, k.kec, old.guide_id,
  CASE g.grain WHEN 'a' THEN '' WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END,
  old.decision, old.reason_code, coalesce(old.requirement_id, ''), -1
FROM (SELECT (SELECT masdarin_jakarta_day(a.first_submitted_at) FROM applications a WHERE a.id = old.application_id) AS day) x,
  (SELECT 'a' AS grain UNION ALL SELECT 'm' UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k
WHERE g.grain = 'a' OR x.day IS NOT NULL
ON CONFLICT (grain, kecamatan, period, guide, decision, reason, requirement) DO UPDATE SET n = dashboard_reasons.n + excluded.n;
RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER review_findings_dashboard_delete AFTER DELETE ON review_findings
FOR EACH ROW
EXECUTE FUNCTION masdarin_review_findings_dashboard_delete();
--> statement-breakpoint
CREATE FUNCTION masdarin_applications_dashboard_clock_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
INSERT INTO dashboard_clock (grain, kecamatan, period, guide, unit, used, files, on_time)
SELECT g.grain, k.kec, CASE g.grain WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END, new.guide_id,
  coalesce(new.clock ->> 'unit', 'working'), coalesce(round((new.clock ->> 'used')::numeric)::integer, 0), 1, 1 * coalesce(CASE new.clock ->> 'onTime' WHEN 'true' THEN 1 WHEN 'false' THEN 0 END, 0)
FROM (SELECT masdarin_jakarta_day(new.decided_at) AS day) x,
  (SELECT 'm' AS grain UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k
WHERE x.day IS NOT NULL
ON CONFLICT (grain, kecamatan, period, guide, unit, used) DO UPDATE SET files = dashboard_clock.files + excluded.files, on_time = dashboard_clock.on_time + excluded.on_time;
RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_dashboard_clock_insert AFTER INSERT ON applications
FOR EACH ROW
WHEN (new.clock_state = 'stopped' AND new.deleted_at IS NULL AND new.decided_at IS NOT NULL AND new.clock IS NOT NULL)
EXECUTE FUNCTION masdarin_applications_dashboard_clock_insert();
--> statement-breakpoint
CREATE FUNCTION masdarin_applications_dashboard_clock_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
INSERT INTO dashboard_clock (grain, kecamatan, period, guide, unit, used, files, on_time)
SELECT g.grain, k.kec, CASE g.grain WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END, old.guide_id,
  coalesce(old.clock ->> 'unit', 'working'), coalesce(round((old.clock ->> 'used')::numeric)::integer, 0), -1, -1 * coalesce(CASE old.clock ->> 'onTime' WHEN 'true' THEN 1 WHEN 'false' THEN 0 END, 0)
FROM (SELECT masdarin_jakarta_day(old.decided_at) AS day) x,
  (SELECT 'm' AS grain UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k
WHERE x.day IS NOT NULL
ON CONFLICT (grain, kecamatan, period, guide, unit, used) DO UPDATE SET files = dashboard_clock.files + excluded.files, on_time = dashboard_clock.on_time + excluded.on_time;
RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_dashboard_clock_delete AFTER DELETE ON applications
FOR EACH ROW
WHEN (old.clock_state = 'stopped' AND old.deleted_at IS NULL AND old.decided_at IS NOT NULL AND old.clock IS NOT NULL)
EXECUTE FUNCTION masdarin_applications_dashboard_clock_delete();
--> statement-breakpoint
-- The clock stopped, the file was deleted (tombstone) or moved to another office or service: out of the
-- old row if it counted there, into the new one if it counts now. A stopped clock never restarts, but a
-- row that somehow did would leave its row here as well.
CREATE FUNCTION masdarin_applications_dashboard_clock_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
INSERT INTO dashboard_clock (grain, kecamatan, period, guide, unit, used, files, on_time)
SELECT g.grain, k.kec, CASE g.grain WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END, old.guide_id,
  coalesce(old.clock ->> 'unit', 'working'), coalesce(round((old.clock ->> 'used')::numeric)::integer, 0), -1, -1 * coalesce(CASE old.clock ->> 'onTime' WHEN 'true' THEN 1 WHEN 'false' THEN 0 END, 0)
FROM (SELECT masdarin_jakarta_day(old.decided_at) AS day) x,
  (SELECT 'm' AS grain UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k
WHERE old.clock_state = 'stopped' AND old.deleted_at IS NULL AND old.clock IS NOT NULL AND x.day IS NOT NULL
ON CONFLICT (grain, kecamatan, period, guide, unit, used) DO UPDATE SET files = dashboard_clock.files + excluded.files, on_time = dashboard_clock.on_time + excluded.on_time;
INSERT INTO dashboard_clock (grain, kecamatan, period, guide, unit, used, files, on_time)
SELECT g.grain, k.kec, CASE g.grain WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END, new.guide_id,
  coalesce(new.clock ->> 'unit', 'working'), coalesce(round((new.clock ->> 'used')::numeric)::integer, 0), 1, 1 * coalesce(CASE new.clock ->> 'onTime' WHEN 'true' THEN 1 WHEN 'false' THEN 0 END, 0)
FROM (SELECT masdarin_jakarta_day(new.decided_at) AS day) x,
  (SELECT 'm' AS grain UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k
WHERE new.clock_state = 'stopped' AND new.deleted_at IS NULL AND new.clock IS NOT NULL AND x.day IS NOT NULL
ON CONFLICT (grain, kecamatan, period, guide, unit, used) DO UPDATE SET files = dashboard_clock.files + excluded.files, on_time = dashboard_clock.on_time + excluded.on_time;
RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_dashboard_clock_update AFTER UPDATE OF clock, clock_state, decided_at, deleted_at, kecamatan_code, guide_id ON applications
FOR EACH ROW
WHEN (((old.clock_state = 'stopped' AND old.deleted_at IS NULL AND old.decided_at IS NOT NULL AND old.clock IS NOT NULL)
    OR (new.clock_state = 'stopped' AND new.deleted_at IS NULL AND new.decided_at IS NOT NULL AND new.clock IS NOT NULL))
  AND (old.clock IS DISTINCT FROM new.clock OR old.clock_state IS DISTINCT FROM new.clock_state OR old.decided_at IS DISTINCT FROM new.decided_at
    OR old.deleted_at IS DISTINCT FROM new.deleted_at OR old.kecamatan_code IS DISTINCT FROM new.kecamatan_code OR old.guide_id IS DISTINCT FROM new.guide_id))
EXECUTE FUNCTION masdarin_applications_dashboard_clock_update();
