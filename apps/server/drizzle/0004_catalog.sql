CREATE SCHEMA "catalog";
--> statement-breakpoint
CREATE TABLE "catalog"."fields" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"national" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"validated" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"amended" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "catalog"."procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"national_code" text NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"local_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"abolished_at" timestamp with time zone,
	CONSTRAINT "procedures_local_code_unique" UNIQUE("local_code"),
	CONSTRAINT "procedures_code_owner_key" UNIQUE("national_code","owner_agency_id")
);
--> statement-breakpoint
CREATE TABLE "catalog"."synonyms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term" text NOT NULL,
	"term_folded" text NOT NULL,
	"expands_to" text[] NOT NULL,
	"procedure_codes" text[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "synonyms_term_folded_unique" UNIQUE("term_folded")
);
--> statement-breakpoint
CREATE TABLE "catalog"."versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"name" text NOT NULL,
	"national_code" text NOT NULL,
	"field_code" text NOT NULL,
	"levels" text[] NOT NULL,
	"agency_ids" uuid[] NOT NULL,
	"online_level" text,
	"has_fee" boolean NOT NULL,
	"legal_effective_date" date,
	"search_name" text NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"return_reason" text,
	"decision_number" text,
	"decision_date" date,
	"published_at" timestamp with time zone,
	"in_force_from" timestamp with time zone,
	"in_force_to" timestamp with time zone,
	"amends_version_id" uuid,
	CONSTRAINT "versions_procedure_number_key" UNIQUE("procedure_id","number"),
	CONSTRAINT "versions_status_check" CHECK ("catalog"."versions"."status" in ('draft', 'submitted', 'returned', 'approved', 'announced', 'published', 'superseded', 'abolished'))
);
--> statement-breakpoint
CREATE TABLE "catalog"."workflows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text,
	CONSTRAINT "workflows_procedure_agency_number_key" UNIQUE("procedure_id","agency_id","number")
);
--> statement-breakpoint
CREATE INDEX "versions_search_text_trgm" ON "catalog"."versions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "versions_in_force_idx" ON "catalog"."versions" USING btree ("in_force_from","in_force_to");--> statement-breakpoint
CREATE INDEX "versions_national_code_idx" ON "catalog"."versions" USING btree ("national_code");--> statement-breakpoint
-- Search folding: lower case, no diacritics, đ/Đ → d. unaccent() is only STABLE (its dictionary could
-- change), so it is called with an explicit dictionary inside an IMMUTABLE wrapper that indexes and
-- generated text can rely on. đ/Đ are folded explicitly rather than trusting the dictionary's rules.
CREATE FUNCTION "catalog"."fold"(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, translate($1, 'đĐ', 'dD'))) $$;
