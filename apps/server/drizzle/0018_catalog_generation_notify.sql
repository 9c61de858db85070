-- Every process keeps a snapshot of the published catalogue for intake (and its search index) at one
-- generation of "catalog"."search_state", and listens on 'motcua_catalog_changed'
-- (modules/catalog/catalogue-generation.ts): each raise of the generation, by the catalogue's triggers
-- or by hand, announces the new generation at commit, so a process need not read it on every reception.
-- Notifications are delivered at commit, so no listener learns a generation before its data is visible.
CREATE FUNCTION "catalog"."announce_generation"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('motcua_catalog_changed', NEW."generation"::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "search_state_announce" AFTER UPDATE ON "catalog"."search_state"
  FOR EACH ROW WHEN (NEW."generation" IS DISTINCT FROM OLD."generation")
  EXECUTE FUNCTION "catalog"."announce_generation"();
