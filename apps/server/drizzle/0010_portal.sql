CREATE SCHEMA "portal";
--> statement-breakpoint
CREATE TABLE "portal"."drafts" (
	"citizen_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "drafts_citizen_id_procedure_id_agency_id_pk" PRIMARY KEY("citizen_id","procedure_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "portal"."ratings" (
	"receiving_agency_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"dossier_code" text NOT NULL,
	"procedure_id" uuid,
	"applicant_account_id" uuid NOT NULL,
	"time_score" smallint NOT NULL,
	"contacts_score" smallint NOT NULL,
	"agencies_score" smallint NOT NULL,
	"attitude_score" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ratings_receiving_agency_id_dossier_id_pk" PRIMARY KEY("receiving_agency_id","dossier_id"),
	CONSTRAINT "ratings_scores_check" CHECK ("portal"."ratings"."time_score" between 0 and 2 and "portal"."ratings"."contacts_score" between 0 and 2 and "portal"."ratings"."agencies_score" between 0 and 2 and "portal"."ratings"."attitude_score" between 0 and 2)
);
--> statement-breakpoint
CREATE INDEX "drafts_citizen_updated_idx" ON "portal"."drafts" USING btree ("citizen_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ratings_created_idx" ON "portal"."ratings" USING btree ("receiving_agency_id","created_at");