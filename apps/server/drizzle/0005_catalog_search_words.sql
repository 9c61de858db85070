CREATE TABLE "catalog"."search_vocabulary" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog"."versions" ADD COLUMN "search_words" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."versions" ADD COLUMN "search_hashes" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
CREATE INDEX "versions_search_hashes_idx" ON "catalog"."versions" USING gin ("search_hashes");--> statement-breakpoint
-- A word's 32-bit hash: the first 4 bytes of its MD5 as a signed integer (stable across PostgreSQL
-- versions, unlike hashtext). The application computes the same value for the query's words.
CREATE FUNCTION "catalog"."word_hash"(text) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ('x' || substr(md5($1), 1, 8))::bit(32)::integer $$;
--> statement-breakpoint
-- Backfill the versions written before this migration (search_text is already folded).
UPDATE "catalog"."versions" SET "search_words" = ARRAY(
  SELECT DISTINCT w FROM regexp_split_to_table("search_text", '[^a-z0-9]+') AS w WHERE w <> '');
--> statement-breakpoint
UPDATE "catalog"."versions" SET "search_hashes" = ARRAY(SELECT "catalog"."word_hash"(w) FROM unnest("search_words") AS w);
--> statement-breakpoint
INSERT INTO "catalog"."search_vocabulary" ("word")
  SELECT DISTINCT unnest("search_words") FROM "catalog"."versions" ON CONFLICT DO NOTHING;
