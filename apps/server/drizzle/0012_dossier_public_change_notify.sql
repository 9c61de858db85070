-- Every process that caches public tracking answers (modules/dossiers/public-view-cache.ts) listens on
-- 'motcua_dossier_public': a dossier's code is sent, at commit, whenever one of its public columns
-- changes or its row is deleted — by a command, by `dossiers rebuild`, or by a fix made by hand in SQL.
CREATE FUNCTION "dossiers"."notify_public_view_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('motcua_dossier_public', OLD.code);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "dossiers_public_view_update"
AFTER UPDATE ON "dossiers"."dossiers"
FOR EACH ROW
WHEN (
  OLD.code IS DISTINCT FROM NEW.code
  OR OLD.procedure_name IS DISTINCT FROM NEW.procedure_name
  OR OLD.status IS DISTINCT FROM NEW.status
  OR OLD.national_status IS DISTINCT FROM NEW.national_status
  OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at
  OR OLD.appointment_at IS DISTINCT FROM NEW.appointment_at
  OR OLD.finished_at IS DISTINCT FROM NEW.finished_at
  OR OLD.returned_at IS DISTINCT FROM NEW.returned_at
)
EXECUTE FUNCTION "dossiers"."notify_public_view_change"();
--> statement-breakpoint
CREATE TRIGGER "dossiers_public_view_delete"
AFTER DELETE ON "dossiers"."dossiers"
FOR EACH ROW
EXECUTE FUNCTION "dossiers"."notify_public_view_change"();
