-- Issue 13: the share of files decided within the service time, and the days they used, kept up to date by
-- triggers in the same transaction as every change to an application (server/dashboard/clock.ts reads it).
-- Hand-written, in the style of 0009: each change takes the file out of the row it counted in (-1) and
-- puts it into the row it counts in now (+1).
--
-- A file counts once its clock has stopped (approved or rejected: clock_state 'stopped') and while it is
-- not deleted. Keys: grain 'm' (Jakarta month of the final decision, decided_at, 'YYYY-MM') or 'd' (its
-- Jakarta day, 'YYYY-MM-DD'); kecamatan (the file's, '' for none) or '*' (every kecamatan); the period;
-- the service; the clock's unit ('working' or 'calendar': a calendar-day service counts calendar days);
-- `used`, the days the clock used. `files` of them, `on_time` of those decided by the deadline. The
-- median and 90th percentile are exact from this histogram. The period comes before the service in the
-- key: the dashboard reads every service of a date range.
CREATE TABLE `dashboard_clock` (
	`grain` text NOT NULL,
	`kecamatan` text NOT NULL,
	`period` text NOT NULL,
	`guide` text NOT NULL,
	`unit` text NOT NULL,
	`used` integer NOT NULL,
	`files` integer NOT NULL,
	`on_time` integer NOT NULL,
	PRIMARY KEY(`grain`, `kecamatan`, `period`, `guide`, `unit`, `used`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `applications_dashboard_clock_insert` AFTER INSERT ON `applications`
WHEN new.clock_state = 'stopped' AND new.deleted_at IS NULL AND new.decided_at IS NOT NULL AND new.clock IS NOT NULL
BEGIN
INSERT INTO dashboard_clock (grain, kecamatan, period, guide, unit, used, files, on_time)
SELECT g.grain, k.kec, CASE g.grain WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END, new.guide_id,
  coalesce(new.clock ->> '$.unit', 'working'), coalesce(new.clock ->> '$.used', 0), 1, 1 * coalesce(new.clock ->> '$.onTime', 0)
FROM (SELECT date(new.decided_at, '+7 hours') AS day) x,
  (SELECT 'm' AS grain UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k
WHERE x.day IS NOT NULL
ON CONFLICT DO UPDATE SET files = files + excluded.files, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_dashboard_clock_delete` AFTER DELETE ON `applications`
WHEN old.clock_state = 'stopped' AND old.deleted_at IS NULL AND old.decided_at IS NOT NULL AND old.clock IS NOT NULL
BEGIN
INSERT INTO dashboard_clock (grain, kecamatan, period, guide, unit, used, files, on_time)
SELECT g.grain, k.kec, CASE g.grain WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END, old.guide_id,
  coalesce(old.clock ->> '$.unit', 'working'), coalesce(old.clock ->> '$.used', 0), -1, -1 * coalesce(old.clock ->> '$.onTime', 0)
FROM (SELECT date(old.decided_at, '+7 hours') AS day) x,
  (SELECT 'm' AS grain UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k
WHERE x.day IS NOT NULL
ON CONFLICT DO UPDATE SET files = files + excluded.files, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
-- The clock stopped, the file was deleted (tombstone) or moved to another office or service: out of the
-- old row if it counted there, into the new one if it counts now. A stopped clock never restarts, but a
-- row that somehow did would leave its row here as well.
CREATE TRIGGER `applications_dashboard_clock_update` AFTER UPDATE OF `clock`, `clock_state`, `decided_at`, `deleted_at`, `kecamatan_code`, `guide_id` ON `applications`
WHEN ((old.clock_state = 'stopped' AND old.deleted_at IS NULL AND old.decided_at IS NOT NULL AND old.clock IS NOT NULL)
    OR (new.clock_state = 'stopped' AND new.deleted_at IS NULL AND new.decided_at IS NOT NULL AND new.clock IS NOT NULL))
  AND (old.clock IS NOT new.clock OR old.clock_state IS NOT new.clock_state OR old.decided_at IS NOT new.decided_at
    OR old.deleted_at IS NOT new.deleted_at OR old.kecamatan_code IS NOT new.kecamatan_code OR old.guide_id IS NOT new.guide_id)
BEGIN
INSERT INTO dashboard_clock (grain, kecamatan, period, guide, unit, used, files, on_time)
SELECT g.grain, k.kec, CASE g.grain WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END, old.guide_id,
  coalesce(old.clock ->> '$.unit', 'working'), coalesce(old.clock ->> '$.used', 0), -1, -1 * coalesce(old.clock ->> '$.onTime', 0)
FROM (SELECT date(old.decided_at, '+7 hours') AS day) x,
  (SELECT 'm' AS grain UNION ALL SELECT 'd') g,
  (SELECT coalesce(old.kecamatan_code, '') AS kec UNION ALL SELECT '*') k
WHERE old.clock_state = 'stopped' AND old.deleted_at IS NULL AND old.clock IS NOT NULL AND x.day IS NOT NULL
ON CONFLICT DO UPDATE SET files = files + excluded.files, on_time = on_time + excluded.on_time;
INSERT INTO dashboard_clock (grain, kecamatan, period, guide, unit, used, files, on_time)
SELECT g.grain, k.kec, CASE g.grain WHEN 'm' THEN substr(x.day, 1, 7) ELSE x.day END, new.guide_id,
  coalesce(new.clock ->> '$.unit', 'working'), coalesce(new.clock ->> '$.used', 0), 1, 1 * coalesce(new.clock ->> '$.onTime', 0)
FROM (SELECT date(new.decided_at, '+7 hours') AS day) x,
  (SELECT 'm' AS grain UNION ALL SELECT 'd') g,
  (SELECT coalesce(new.kecamatan_code, '') AS kec UNION ALL SELECT '*') k
WHERE new.clock_state = 'stopped' AND new.deleted_at IS NULL AND new.clock IS NOT NULL AND x.day IS NOT NULL
ON CONFLICT DO UPDATE SET files = files + excluded.files, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
-- Existing files, once, grouped (the same figures the triggers would have written).
INSERT INTO dashboard_clock (grain, kecamatan, period, guide, unit, used, files, on_time)
SELECT g.grain, CASE k.i WHEN 0 THEN coalesce(a.kecamatan_code, '') ELSE '*' END,
  CASE g.grain WHEN 'm' THEN substr(a.day, 1, 7) ELSE a.day END, a.guide_id, a.unit, a.used,
  count(*), sum(a.on_time)
FROM (SELECT kecamatan_code, guide_id, date(decided_at, '+7 hours') AS day,
        coalesce(clock ->> '$.unit', 'working') AS unit, coalesce(clock ->> '$.used', 0) AS used,
        coalesce(clock ->> '$.onTime', 0) AS on_time
      FROM applications
      WHERE clock_state = 'stopped' AND deleted_at IS NULL AND decided_at IS NOT NULL AND clock IS NOT NULL) a,
  (SELECT 'm' AS grain UNION ALL SELECT 'd') g, (SELECT 0 AS i UNION ALL SELECT 1) k
WHERE a.day IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;
