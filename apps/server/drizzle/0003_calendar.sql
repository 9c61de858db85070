CREATE SCHEMA "calendar";
--> statement-breakpoint
CREATE TABLE "calendar"."local_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "local_changes_date_unique" UNIQUE("date"),
	CONSTRAINT "local_changes_kind_check" CHECK ("calendar"."local_changes"."kind" in ('day-off', 'working-day')),
	CONSTRAINT "local_changes_reason_check" CHECK (length(btrim("calendar"."local_changes"."reason")) > 0)
);
