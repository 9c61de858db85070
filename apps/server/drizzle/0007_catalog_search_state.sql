CREATE TABLE "catalog"."search_state" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "search_state_single_row" CHECK ("catalog"."search_state"."id")
);
--> statement-breakpoint
ALTER TABLE "catalog"."search_vocabulary" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "catalog"."search_vocabulary" CASCADE;--> statement-breakpoint
DROP INDEX "catalog"."versions_search_hashes_idx";--> statement-breakpoint
ALTER TABLE "catalog"."versions" DROP COLUMN "search_words";--> statement-breakpoint
ALTER TABLE "catalog"."versions" DROP COLUMN "search_hashes";--> statement-breakpoint
-- The one row of the catalogue's change counter.
INSERT INTO "catalog"."search_state" ("id", "generation") VALUES (true, 0);
--> statement-breakpoint
-- Every statement that changes a table the public search reads raises the generation, in the
-- changing transaction: a process sees the new generation exactly when it can see the change, and
-- rebuilds its in-memory search index. Concurrent catalogue commands wait on this row until commit,
-- which keeps the generations in commit order; catalogue changes are rare and short.
CREATE FUNCTION "catalog"."search_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "catalog"."search_state" SET "generation" = "generation" + 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "versions_search_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog"."versions"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."search_changed"();
--> statement-breakpoint
CREATE TRIGGER "procedures_search_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog"."procedures"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."search_changed"();
--> statement-breakpoint
CREATE TRIGGER "synonyms_search_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog"."synonyms"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."search_changed"();
--> statement-breakpoint
CREATE TRIGGER "fields_search_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog"."fields"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."search_changed"();
--> statement-breakpoint
-- The search words now live in the in-memory index (split from search_text when it is built).
DROP FUNCTION "catalog"."word_hash"(text);
