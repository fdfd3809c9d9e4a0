-- Issue 16: the dashboard's rollup triggers (0001) become constraint triggers deferred to COMMIT. Every
-- submit adds to the same few rows (the service's, the whole office's), and an immediate trigger locked them
-- from a push's first submit to its commit: every push on every app server waited for the one before it. At
-- COMMIT they run after the transaction's last statement, which takes the applications' change counter
-- (server/sync/counters.ts), so they run one transaction after another, in no circle of waits, and each
-- rollup row is locked for a commit only. The functions and conditions are 0001's, unchanged: a deferred row
-- trigger still sees the row as it was at its event, so the sums are the same. SQLite's triggers stay as they
-- are: its single writer never had the wait.
DROP TRIGGER applications_dashboard_insert ON applications;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER applications_dashboard_insert AFTER INSERT ON applications
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
EXECUTE FUNCTION masdarin_applications_dashboard_insert();
--> statement-breakpoint
DROP TRIGGER applications_dashboard_delete ON applications;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER applications_dashboard_delete AFTER DELETE ON applications
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
EXECUTE FUNCTION masdarin_applications_dashboard_delete();
--> statement-breakpoint
DROP TRIGGER applications_dashboard_status_update ON applications;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER applications_dashboard_status_update AFTER UPDATE OF status, precheck_failures, sent_back_count ON applications
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
WHEN ((old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL) AND (new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL)
  AND old.kecamatan_code IS NOT DISTINCT FROM new.kecamatan_code AND old.guide_id IS NOT DISTINCT FROM new.guide_id AND old.village_code IS NOT DISTINCT FROM new.village_code AND old.cadre_id IS NOT DISTINCT FROM new.cadre_id AND old.first_submitted_at IS NOT DISTINCT FROM new.first_submitted_at AND old.deleted_at IS NOT DISTINCT FROM new.deleted_at
  AND (old.status IS DISTINCT FROM new.status OR old.precheck_failures IS DISTINCT FROM new.precheck_failures OR old.sent_back_count IS DISTINCT FROM new.sent_back_count))
EXECUTE FUNCTION masdarin_applications_dashboard_status_update();
--> statement-breakpoint
DROP TRIGGER applications_dashboard_counts_update ON applications;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER applications_dashboard_counts_update AFTER UPDATE OF kecamatan_code, guide_id, village_code, cadre_id, first_submitted_at, deleted_at ON applications
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
WHEN (((old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL) OR (new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL))
  AND (old.kecamatan_code IS DISTINCT FROM new.kecamatan_code OR old.guide_id IS DISTINCT FROM new.guide_id OR old.village_code IS DISTINCT FROM new.village_code OR old.cadre_id IS DISTINCT FROM new.cadre_id OR old.first_submitted_at IS DISTINCT FROM new.first_submitted_at OR old.deleted_at IS DISTINCT FROM new.deleted_at))
EXECUTE FUNCTION masdarin_applications_dashboard_counts_update();
--> statement-breakpoint
DROP TRIGGER applications_dashboard_verdict_time_update ON applications;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER applications_dashboard_verdict_time_update AFTER UPDATE OF first_decision_at ON applications
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
WHEN ((old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL) AND (new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL)
  AND old.kecamatan_code IS NOT DISTINCT FROM new.kecamatan_code AND old.guide_id IS NOT DISTINCT FROM new.guide_id AND old.draft_created_at IS NOT DISTINCT FROM new.draft_created_at AND old.first_submitted_at IS NOT DISTINCT FROM new.first_submitted_at AND old.deleted_at IS NOT DISTINCT FROM new.deleted_at
  AND old.first_decision_at IS DISTINCT FROM new.first_decision_at)
EXECUTE FUNCTION masdarin_applications_dashboard_verdict_time_update();
--> statement-breakpoint
DROP TRIGGER applications_dashboard_durations_update ON applications;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER applications_dashboard_durations_update AFTER UPDATE OF kecamatan_code, guide_id, draft_created_at, first_submitted_at, deleted_at ON applications
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
WHEN (((old.first_submitted_at IS NOT NULL AND old.deleted_at IS NULL) OR (new.first_submitted_at IS NOT NULL AND new.deleted_at IS NULL))
  AND (old.kecamatan_code IS DISTINCT FROM new.kecamatan_code OR old.guide_id IS DISTINCT FROM new.guide_id OR old.draft_created_at IS DISTINCT FROM new.draft_created_at OR old.first_submitted_at IS DISTINCT FROM new.first_submitted_at OR old.deleted_at IS DISTINCT FROM new.deleted_at))
EXECUTE FUNCTION masdarin_applications_dashboard_durations_update();
--> statement-breakpoint
DROP TRIGGER review_findings_dashboard_insert ON review_findings;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER review_findings_dashboard_insert AFTER INSERT ON review_findings
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
EXECUTE FUNCTION masdarin_review_findings_dashboard_insert();
--> statement-breakpoint
DROP TRIGGER review_findings_dashboard_delete ON review_findings;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER review_findings_dashboard_delete AFTER DELETE ON review_findings
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
EXECUTE FUNCTION masdarin_review_findings_dashboard_delete();
--> statement-breakpoint
DROP TRIGGER applications_dashboard_clock_insert ON applications;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER applications_dashboard_clock_insert AFTER INSERT ON applications
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
WHEN (new.clock_state = 'stopped' AND new.deleted_at IS NULL AND new.decided_at IS NOT NULL AND new.clock IS NOT NULL)
EXECUTE FUNCTION masdarin_applications_dashboard_clock_insert();
--> statement-breakpoint
DROP TRIGGER applications_dashboard_clock_delete ON applications;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER applications_dashboard_clock_delete AFTER DELETE ON applications
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
WHEN (old.clock_state = 'stopped' AND old.deleted_at IS NULL AND old.decided_at IS NOT NULL AND old.clock IS NOT NULL)
EXECUTE FUNCTION masdarin_applications_dashboard_clock_delete();
--> statement-breakpoint
DROP TRIGGER applications_dashboard_clock_update ON applications;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER applications_dashboard_clock_update AFTER UPDATE OF clock, clock_state, decided_at, deleted_at, kecamatan_code, guide_id ON applications
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
WHEN (((old.clock_state = 'stopped' AND old.deleted_at IS NULL AND old.decided_at IS NOT NULL AND old.clock IS NOT NULL)
    OR (new.clock_state = 'stopped' AND new.deleted_at IS NULL AND new.decided_at IS NOT NULL AND new.clock IS NOT NULL))
  AND (old.clock IS DISTINCT FROM new.clock OR old.clock_state IS DISTINCT FROM new.clock_state OR old.decided_at IS DISTINCT FROM new.decided_at
    OR old.deleted_at IS DISTINCT FROM new.deleted_at OR old.kecamatan_code IS DISTINCT FROM new.kecamatan_code OR old.guide_id IS DISTINCT FROM new.guide_id))
EXECUTE FUNCTION masdarin_applications_dashboard_clock_update();
