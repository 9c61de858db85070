-- Procedure and workflow snapshots, stored once each and referred to by hash from dossier events and
-- states (modules/dossiers/snapshot-store.ts). Events and states written before keep theirs inline.
CREATE TABLE "dossiers"."snapshots" (
	"hash" text PRIMARY KEY NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
