-- Workflows raise the catalogue generation too: intake keeps the workflows in force it has read for as
-- long as the generation holds (modules/catalog/procedure-in-force-service.ts), instead of reading them
-- on every reception.
CREATE TRIGGER "workflows_search_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog"."workflows"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."search_changed"();
