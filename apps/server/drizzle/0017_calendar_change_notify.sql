-- Every process keeps the province's local calendar changes in memory and listens on
-- 'motcua_calendar_changed' (modules/calendar/calendar-service.ts): each statement that changes them
-- announces it at commit, so a process need not check their version before every due-date computation.
CREATE FUNCTION "calendar"."announce_local_changes"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('motcua_calendar_changed', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "local_changes_announce" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "calendar"."local_changes"
  FOR EACH STATEMENT EXECUTE FUNCTION "calendar"."announce_local_changes"();
