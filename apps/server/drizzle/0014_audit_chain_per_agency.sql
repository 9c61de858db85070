-- One audit chain per agency an entry is about (the global advisory lock made every audited command in
-- the province wait for each other between its audit entry and its commit).
CREATE TABLE "audit"."chain_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"entries" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit"."entries" ADD COLUMN "chain" text DEFAULT 'global' NOT NULL;--> statement-breakpoint
-- Every entry so far is in the one chain of before; its head is its last entry.
INSERT INTO "audit"."chain_heads" ("chain", "entries", "prev_hash", "hash")
SELECT 'global', (SELECT count(*) FROM "audit"."entries"), e."prev_hash", e."hash"
FROM "audit"."entries" e
ORDER BY e."id" DESC
LIMIT 1;
