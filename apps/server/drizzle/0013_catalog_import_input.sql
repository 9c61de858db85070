-- Catalogue imports become `catalog-import` jobs: the row keeps what the job works on (the submitted
-- records, cleared when the job finishes) and the officer it works for.
ALTER TABLE "catalog"."import_jobs" ADD COLUMN "created_by_id" uuid;--> statement-breakpoint
ALTER TABLE "catalog"."import_jobs" ADD COLUMN "input" jsonb;--> statement-breakpoint
-- Imports left unfinished by a restart before this migration ran in-process and can never finish: they
-- stop showing as running.
UPDATE "catalog"."import_jobs"
SET "status" = 'failed',
  "finished_at" = now(),
  "errors" = '[{"index":-1,"sheet":null,"row":null,"nationalCode":null,"path":[],"code":"IMPORT_INTERRUPTED","message":"Lượt nhập bị gián đoạn do máy chủ khởi động lại, vui lòng nhập lại"}]'::jsonb
WHERE "finished_at" IS NULL;
