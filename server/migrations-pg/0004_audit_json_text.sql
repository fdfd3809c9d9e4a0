-- Audit entries keep the JSON text as written (json, not jsonb: key order and all), as SQLite does; the export writes it out.
ALTER TABLE "audit_log" ALTER COLUMN "before" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "after" SET DATA TYPE json;