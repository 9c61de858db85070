CREATE SCHEMA "dossiers";
--> statement-breakpoint
CREATE TABLE "dossiers"."book_sequences" (
	"receiving_agency_id" uuid NOT NULL,
	"book_key" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "book_sequences_receiving_agency_id_book_key_year_pk" PRIMARY KEY("receiving_agency_id","book_key","year")
);
--> statement-breakpoint
CREATE TABLE "dossiers"."code_sequences" (
	"receiving_agency_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "code_sequences_receiving_agency_id_day_pk" PRIMARY KEY("receiving_agency_id","day")
);
--> statement-breakpoint
CREATE TABLE "dossiers"."daily_rollups" (
	"receiving_agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"metric" text NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "daily_rollups_receiving_agency_id_procedure_id_day_channel_metric_pk" PRIMARY KEY("receiving_agency_id","procedure_id","day","channel","metric")
);
--> statement-breakpoint
CREATE TABLE "dossiers"."dossiers" (
	"receiving_agency_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"national_status" smallint NOT NULL,
	"channel" text NOT NULL,
	"procedure_id" uuid NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"procedure_name" text NOT NULL,
	"desk_id" uuid,
	"desk_agency_id" uuid,
	"agency_ids" uuid[] NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_account_id" uuid,
	"step_key" text,
	"step_unit_id" uuid,
	"step_role" text,
	"step_due_at" timestamp with time zone,
	"assignee_user_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"appointment_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"live_status" text,
	"supplement_requests" smallint DEFAULT 0 NOT NULL,
	"extended" boolean DEFAULT false NOT NULL,
	"digitised" boolean DEFAULT false NOT NULL,
	"paid_online" boolean DEFAULT false NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossiers_receiving_agency_id_id_pk" PRIMARY KEY("receiving_agency_id","id"),
	CONSTRAINT "dossiers_code_key" UNIQUE("receiving_agency_id","code")
);
--> statement-breakpoint
CREATE TABLE "dossiers"."events" (
	"receiving_agency_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"body" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_receiving_agency_id_dossier_id_seq_pk" PRIMARY KEY("receiving_agency_id","dossier_id","seq")
);
--> statement-breakpoint
CREATE TABLE "dossiers"."idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"receiving_agency_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
ALTER TABLE "org"."desks" ADD COLUMN "serves_agency_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
CREATE INDEX "dossiers_id_idx" ON "dossiers"."dossiers" USING btree ("id");--> statement-breakpoint
CREATE INDEX "dossiers_agencies_idx" ON "dossiers"."dossiers" USING gin ("agency_ids");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_idx" ON "dossiers"."dossiers" USING btree ("applicant_account_id");--> statement-breakpoint
CREATE INDEX "dossiers_open_due_idx" ON "dossiers"."dossiers" USING btree ("appointment_at") WHERE "dossiers"."dossiers"."finished_at" is null;--> statement-breakpoint
CREATE INDEX "events_occurred_idx" ON "dossiers"."events" USING btree ("occurred_at");